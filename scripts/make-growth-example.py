#!/usr/bin/env python3
"""Writes examples/growth.yaml: 305 accounts across segments and a flat team.

The example is committed; this script documents how it was made and re-creates it byte for byte
(seeded random numbers). Run: python3 scripts/make-growth-example.py > examples/growth.yaml
"""
import random

rng = random.Random(20261123)
PARTS_A = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent",
           "Hooli", "Vandelay", "Wonka", "Gringotts", "Oscorp", "Aperture", "Massive", "Blue Sun",
           "Monarch", "Nakatomi", "Pied Piper", "Dunder", "Prestige", "Sterling", "Bluth", "Wernham"]
PARTS_B = ["Labs", "Logistics", "Health", "Foods", "Capital", "Retail", "Energy", "Media", "Systems",
           "Robotics", "Freight", "Clinics", "Insurance", "Apparel", "Studios", "Analytics", "Pharma"]
INDUSTRY = {"Health": "healthcare", "Clinics": "healthcare", "Pharma": "healthcare", "Insurance": "financial-services",
            "Capital": "financial-services", "Retail": "retail", "Apparel": "retail", "Foods": "retail"}
REGIONS = [("NA", "America/New_York", "en"), ("NA", "America/Chicago", "en"), ("EMEA", "Europe/Berlin", "de"),
           ("EMEA", "Europe/London", "en"), ("APAC", "Australia/Sydney", "en")]

names = set()
def name():
    while True:
        n = f"{rng.choice(PARTS_A)} {rng.choice(PARTS_B)}"
        if n not in names:
            names.add(n)
            return n
        n2 = f"{n} {rng.choice(['Group', 'Inc', 'Co', 'Partners', 'Holdings'])}"
        if n2 not in names:
            names.add(n2)
            return n2

def slug(n):
    return n.lower().replace(" ", "-")

# (segment label, count, arr low, arr high)
bands = [("strategic", 3, 550_000, 900_000), ("enterprise", 27, 110_000, 420_000),
         ("mid-market", 95, 26_000, 95_000), ("smb", 140, 5_500, 24_000), ("self-serve", 40, 1_200, 4_800)]

csms = ["dana", "lee", "priya", "omar", "sofia", "mateo", "jun"]
accounts = []
for band, count, lo, hi in bands:
    for _ in range(count):
        n = name()
        arr = int(round(rng.randint(lo, hi), -2))
        region = rng.choice(REGIONS)
        acct = {"id": slug(n), "name": n, "arr": arr, "band": band,
                "health": rng.choices(["green", "yellow", "red"], [80, 14, 6])[0],
                "industry": INDUSTRY.get(n.split(" ")[-1] if n.split(" ")[-1] in INDUSTRY else n.split(" ")[1], "technology"),
                "region": region[0], "timezone": region[1], "language": region[2]}
        if band in ("strategic", "enterprise"):
            acct["complexity"] = rng.choice(["medium", "high"])
            acct["stakeholders"] = rng.randint(3, 9)
        accounts.append(acct)

# A flat team of generalists: books grew by whoever closed or onboarded the account.
by_band = {b[0]: [a for a in accounts if a["band"] == b[0]] for b in bands}
for a in by_band["strategic"]:
    a["owner"] = "dana"
ent = by_band["enterprise"]
for i, a in enumerate(ent):
    a["owner"] = "dana" if i < 16 else ("lee" if i < 22 else "priya")
mm = by_band["mid-market"]
for i, a in enumerate(mm):
    a["owner"] = ["lee", "priya", "omar", "sofia"][i % 4]
smb = by_band["smb"]
for i, a in enumerate(smb):
    a["owner"] = ["omar", "sofia", "mateo"][i % 3] if i < 126 else "jun"
# Self-serve accounts have no named owner: they get the product and the help centre.

print("# yaml-language-server: $schema=../schema/org.schema.json")
print("# Northwind Analytics: 305 customers, $16.9M ARR, and a CS team that grew without a plan.")
print("# Seven generalist CSMs all report to the VP; books were never balanced; nobody owns CS Ops.")
print("# Try: csplan recommend examples/growth.yaml   and   csplan check examples/growth.yaml")
print("version: 1")
print("company:")
print("  name: Northwind Analytics")
print("  motion: sales-led")
print("  product_complexity: medium")
print("  as_of: 2026-11-23")
print()
print("# What the next year looks like: the report adds an 'In 12 months' section.")
print("growth:")
print("  new_customers_12m: 120")
print("  arr_growth_pct_12m: 45")
print("  new_csm_hires_12m: 2")
print()
print("team:")
team = [
    ("maria", "Maria Alvarez", "ceo", None, "2019-02-01", {}),
    ("ken", "Ken Ito", "vp-cs", "maria", "2022-05-16", {"seniority": "lead"}),
    ("dana", "Dana Whitfield", "csm", "ken", "2021-03-01", {"seniority": "senior"}),
    ("lee", "Lee Okafor", "csm", "ken", "2022-01-10", {"seniority": "senior"}),
    ("priya", "Priya Raman", "csm", "ken", "2023-04-03", {"seniority": "mid"}),
    ("omar", "Omar Haddad", "csm", "ken", "2023-09-18", {"seniority": "mid"}),
    ("sofia", "Sofia Rossi", "csm", "ken", "2024-06-03", {"seniority": "junior"}),
    ("mateo", "Mateo Silva", "csm", "ken", "2025-02-10", {"seniority": "junior"}),
    ("jun", "Jun Park", "csm", "ken", "2026-11-09", {"seniority": "mid"}),
    ("ines", "Ines Duarte", "support", "ken", "2024-01-08", {}),
    ("tom", "Tom Becker", "onboarding", "ken", "2025-07-01", {}),
]
for tid, tname, role, mgr, start, extra in team:
    print(f"  - id: {tid}")
    print(f"    name: {tname}")
    print(f"    role: {role}")
    if mgr:
        print(f"    reports_to: {mgr}")
    print(f"    start_date: {start}")
    for k, v in extra.items():
        print(f"    {k}: {v}")
print()
print("accounts:")
for a in accounts:
    print(f"  - id: {a['id']}")
    print(f"    name: {a['name']}")
    print(f"    arr: {a['arr']}")
    if "owner" in a:
        print(f"    owner: {a['owner']}")
    print(f"    health: {a['health']}")
    if "complexity" in a:
        print(f"    complexity: {a['complexity']}")
        print(f"    stakeholders: {a['stakeholders']}")
    print(f"    industry: {a['industry']}")
    print(f"    region: {a['region']}")
    print(f"    timezone: {a['timezone']}")
    print(f"    language: {a['language']}")
