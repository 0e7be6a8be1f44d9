#!/usr/bin/env python3
"""Writes one enablement batch document for the linearity benchmark.

    make_enablement_batch.py USERS CAMPAIGN_NUMBERS OUT.json

USERS users under one US account with a VERIFIED campaign whose
account.campaign.numbers lists CAMPAIGN_NUMBERS numbers (every second user's
number, in E.164 and in national forms, plus numbers of no user when the list
is longer than half the users). Each user has SMS Enabled, a license, a few
events; a fifth of the numbers are written nationally so libphonenumber reads
every form. Fixed: the same arguments write the same bytes.
"""
import json
import sys


def e164(i):
    return f"+1312{2000000 + i:07d}"


def national(i):
    n = f"{2000000 + i:07d}"
    return f"(312) {n[:3]}-{n[3:]}"


def main():
    users, numbers, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    campaign = []
    i = 0
    while len(campaign) < numbers:
        campaign.append(national(i) if i % 5 == 0 else e164(i))
        i += 2 if i + 2 < users else 1
    doc = {
        "asOf": "2026-11-26T12:00:00Z",
        "account": {"country": "US", "smsLicenses": ["X2", "X4", "X6"],
                    "campaign": {"status": "VERIFIED", "statusChangedAt": "2026-08-01T09:00:00Z",
                                 "numbers": campaign, "maxNumbers": numbers + 1}},
        "users": [],
    }
    for u in range(users):
        number = national(u) if u % 5 == 1 else e164(u)
        entry = {"user": {"id": f"u-{u}", "phoneNumber": number, "license": "X Series X4" if u % 3 == 0 else "x4",
                          "sms": {"state": "ENABLED", "number": e164(u), "license": "X4",
                                  "enabledAt": "2026-08-03T15:00:00Z"}},
                 "events": [{"at": "2026-08-03T15:00:00Z", "type": "SMS_ENABLED", "number": e164(u)},
                            {"at": "2026-09-01T10:00:00Z", "type": "LICENSE_ASSIGNED", "license": "X4"}]}
        if u % 7 == 0:
            entry["events"].append({"at": "2026-11-20T08:00:00Z", "type": "SMS_DISABLED", "by": "ADMIN"})
        doc["users"].append(entry)
    with open(out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
