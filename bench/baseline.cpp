// The naive baseline of bench/run.sh: every *.yaml / *.yml file under the given paths is
// read and loaded with yaml-cpp's YAML::LoadAll into node trees, on one thread, and all
// the trees are kept (what a straightforward loader does). Prints files, documents, bytes.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path p(argv[i]);
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p)) {
        const auto ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path().string());
      }
    } else {
      files.push_back(p.string());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::vector<YAML::Node>> kept;
  size_t docs = 0, bytes = 0;
  int failed = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes += text.size();
    try {
      kept.push_back(YAML::LoadAll(text));
      docs += kept.back().size();
    } catch (const YAML::Exception& e) {
      std::fprintf(stderr, "%s: %s\n", f.c_str(), e.what());
      ++failed;
    }
  }
  std::printf("files %zu documents %zu bytes %zu\n", files.size(), docs, bytes);
  return failed ? 1 : 0;
}
