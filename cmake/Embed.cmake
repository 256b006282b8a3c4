# svcorg_embed(OUT_VAR SYMBOL FILE): generate a .cpp defining
#   extern const char* const SYMBOL; (the file's bytes, NUL-terminated)
# at configure time, regenerated whenever FILE changes.
function(svcorg_embed out_var symbol file)
  file(READ "${file}" content HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," content "${content}")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embed_${symbol}.cpp")
  file(WRITE "${out}.tmp"
    "// Generated from ${file}; do not edit.\n"
    "namespace svcorg::embedded {\n"
    "extern const char ${symbol}[];\n"
    "const char ${symbol}[] = {${content} '\\0'};\n"
    "}\n")
  configure_file("${out}.tmp" "${out}" COPYONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
