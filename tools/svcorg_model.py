"""svcorg's built-in model for the Python generators, read from the files the binary embeds.

The per-type rules come from lib/svcorg/rules/defaults.yaml (SPEC 4.3) and the enumerated
values of the format, in their order, from the label table lib/svcorg/model/labels.yaml
(SPEC 2). The generators (bench/gen_district.py, examples/generate.py,
tests/reference/random_district.py) import this module instead of keeping copies, so a
change to the model reaches them all:

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
    import svcorg_model as model

Everything is read once at import; a generator copies a value before changing it.
"""
from __future__ import annotations

import os

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULTS_YAML = os.path.join(ROOT, "lib", "svcorg", "rules", "defaults.yaml")
LABELS_YAML = os.path.join(ROOT, "lib", "svcorg", "model", "labels.yaml")


def _load(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


_DEFAULTS = _load(DEFAULTS_YAML)
_RULES = _DEFAULTS["rules"]
_VALUES = _load(LABELS_YAML)["en"]

# Enumerated values of the format, in the label table's order.
TYPES: list[str] = list(_VALUES["type"])
CHANNELS: list[str] = list(_VALUES["channel"])
FUNCTIONS: list[str] = list(_VALUES["function"])
PLATFORM_CATEGORIES: list[str] = list(_VALUES["platform_category"])
CADENCES: list[str] = list(_VALUES["cadence"])
NEED_STATUSES: list[str] = list(_VALUES["status"])

# Meetings a year a cadence expects (SPEC 2.5; model/vocab.cpp). Not in the data files:
# the one Python copy.
CADENCE_PER_YEAR: dict[str, int] = dict(zip(CADENCES, [52, 26, 12, 4, 2, 1]))
assert len(CADENCE_PER_YEAR) == 6, "a cadence was added to labels.yaml: give its meetings a year"

# rules.defaults: min_plan_items, min_plan_quality, response_days, resolve_days (by layer),
# organizational_life_per_year, min_survey_respondents.
DEFAULTS: dict = _RULES["defaults"]
RESOLVE_DAYS: dict[str, int] = dict(DEFAULTS["resolve_days"])
NEGATIVE_LIST: list[str] = list(_RULES["negative_list"])
COMMON_NEED_CATEGORIES: list[str] = list(_RULES["common_need_categories"])
COMMON_ITEM_CATEGORIES: list[str] = list(_RULES["common_item_categories"])

# Per type: the need categories of the type (without the common ones), the platform
# categories a branch of the type must have, and the Branch fields it must set.
NEED_CATEGORIES: dict[str, list[str]] = {t: list(r["need_categories"]) for t, r in _RULES["types"].items()}
REQUIRED_PLATFORMS: dict[str, list[str]] = {t: list(r["required_platforms"]) for t, r in _RULES["types"].items()}
REQUIRED_FIELDS: dict[str, list[str]] = {t: list(r["required_fields"]) for t, r in _RULES["types"].items()}
assert list(NEED_CATEGORIES) == TYPES, "defaults.yaml and labels.yaml list different types"

# The scoring model (SPEC 6), as defaults.yaml writes it.
SCORING: dict = _DEFAULTS["scoring"]
