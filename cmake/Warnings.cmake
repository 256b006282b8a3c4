# Warnings and sanitizers for our own targets only (link PRIVATE).
add_library(svcorg_warnings INTERFACE)
target_compile_options(svcorg_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(SVCORG_WERROR)
  target_compile_options(svcorg_warnings INTERFACE -Werror)
endif()

add_library(svcorg_sanitizers INTERFACE)
if(SVCORG_SANITIZE)
  target_compile_options(svcorg_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(svcorg_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
