#include "svcorg/render/doc.hpp"

namespace svcorg::render::doc {

Run text(std::string s) {
  return Run{Run::Kind::Text, std::move(s), false, false, 0};
}
Run verbatim(std::string s) {
  return Run{Run::Kind::Verbatim, std::move(s), false, false, 0};
}
Run code(std::string s) {
  return Run{Run::Kind::Code, std::move(s), false, false, 0};
}
Run progress(double fraction) {
  return Run{Run::Kind::Progress, "", false, false, fraction};
}
Run strong(Run r) {
  r.strong = true;
  return r;
}
Runs strong(Runs rs) {
  for (auto& r : rs) r.strong = true;
  return rs;
}

std::string spell(const Runs& rs, const Spelling& s) {
  std::string out;
  for (const auto& r : rs) {
    std::string one = s.kind[static_cast<size_t>(r.kind)](r);
    out += r.strong ? s.strong_open + one + s.strong_close : one;
  }
  return out;
}

Runs say(const Labels& l, const char* id, const std::vector<std::pair<std::string, Runs>>& args) {
  // Each argument goes in as a private-use character (U+E000 + i) and is cut out again.
  auto mark = [](size_t i) {
    const auto c = static_cast<unsigned>(0xE000 + i);
    return std::string{static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (c & 0x3F))};
  };
  std::vector<std::pair<std::string, i18n::Arg>> marked;
  for (size_t i = 0; i < args.size(); ++i) marked.emplace_back(args[i].first, mark(i));
  const std::string s = l.tr(id, std::move(marked));
  Runs out;
  std::string words;
  bool first = true;
  auto flush = [&] {
    if (!words.empty()) {
      Run r = text(words);
      r.inner = !first;
      out.push_back(std::move(r));
    }
    words.clear();
    first = false;
  };
  for (size_t at = 0; at < s.size();) {
    const auto c = static_cast<unsigned char>(s[at]);
    if (c == 0xEE && at + 2 < s.size()) {
      const unsigned cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[at + 1]) & 0x3F) << 6) |
                          (static_cast<unsigned char>(s[at + 2]) & 0x3F);
      if (cp >= 0xE000 && cp < 0xE000 + args.size()) {
        flush();
        for (const auto& r : args[cp - 0xE000].second) out.push_back(r);
        at += 3;
        continue;
      }
    }
    words += s[at++];
  }
  flush();
  return out;
}

Runs tr(const Labels& l, const char* id, std::vector<std::pair<std::string, i18n::Arg>> args) {
  return {text(l.tr(id, std::move(args)))};
}

Runs join(const std::vector<Runs>& items, const Labels& l) {
  Runs out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) {
      Run sep = text(l.tr("report.list-separator"));
      sep.inner = true;
      out.push_back(std::move(sep));
    }
    out.insert(out.end(), items[i].begin(), items[i].end());
  }
  return out;
}

}  // namespace svcorg::render::doc
