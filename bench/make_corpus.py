#!/usr/bin/env python3
"""Writes N registration submissions as NDJSON, from a fixed seed, for the
benchmarks: about 60% valid, the rest with one to three defects of the kinds a
form produces (missing field, wrong type, bad enum, pattern, length, unknown key,
content that trips a rule). usage: make_corpus.py N OUT.ndjson"""
import copy
import json
import random
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
base = json.loads((root / "examples" / "registration-us.json").read_text())
names = ["Brightside Plumbing", "Northwind Dental", "Cedar & Pine Realty", "Lumen Café", "Harbor Auto Care",
         "Mapleview Clinic", "Orbit Fitness", "Keystone Tutors", "Bluebird Florists", "Summit Roofing"]
words = "arrival window technician visit confirmed reminder booking order shipped account update receipt " \
        "schedule appointment today tomorrow details service".split()

def sentence(rng, n):
    return " ".join(rng.choice(words) for _ in range(n))

def make(rng, i):
    d = copy.deepcopy(base)
    name = rng.choice(names)
    d["brand"]["displayName"] = name
    d["brand"]["companyName"] = name + " Inc."
    d["brand"]["ein"] = f"{rng.choice([12, 20, 36, 45, 84, 91])}-{rng.randrange(10**6, 10**7)}"
    c = d["campaign"]
    c["description"] = f"{name} texts customers about {sentence(rng, 12)}."
    c["sample1"] = f"{name}: your {sentence(rng, 6)} é [date]. Reply STOP to opt out."
    c["sample2"] = f"{name}: {sentence(rng, 8)} ✓. Reply STOP to opt out."
    c["helpMessage"] = f"{name}: for help email help@example-{i % 97}.com. Reply STOP to opt out."
    c["optinMessage"] = f"{name}: you will now get texts about {sentence(rng, 3)}. Msg frequency varies. " \
                        "Msg & data rates may apply. Reply HELP for help, STOP to opt out."
    c["optoutMessage"] = f"{name}: you are unsubscribed and will get no more texts."
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            defect = rng.randrange(8)
            if defect == 0: d["brand"].pop(rng.choice(["ein", "email", "phone", "companyName"]), None)
            elif defect == 1: c["embeddedLink"] = "false"
            elif defect == 2: d["brand"]["vertical"] = "PLUMBING"
            elif defect == 3: d["brand"]["phone"] = "(312) 547-8810"
            elif defect == 4: c["description"] = "Too short."
            elif defect == 5: c["sampel3"] = c["sample1"]
            elif defect == 6: d["brand"]["ein"] = "07-1234567"
            else: c["sample2"] = f"{name}: win big at our casino, see https://bit.ly/x{i}"
    return d

def main():
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    rng = random.Random(20261126)
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(make(rng, i), ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
