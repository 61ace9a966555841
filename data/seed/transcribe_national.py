"""Transcribe the public national data into the seed CSVs under data/seed/ (run by hand, never by the app).

    python data/seed/transcribe_national.py [PUBLIC_DIR]

PUBLIC_DIR (default ../shared/data/public beside the repository) holds copies of public files: the
DfE's local authority list, LAIT youth justice measures and statistical neighbours, and the
data-to-insight scrape of HMIP youth justice ratings. The product never reads them: it ships what
this script writes, each row with its document and section (see data/seed/README.md). The YJB's list
of services, and the corrections to the scrape, are written out below with their sources.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "seed"
PUBLIC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "public"

YJB_LIST = "yjb-youth-justice-statistics-2024-25"
LA_LIST = "dfe-la-code-list"
LAIT = "dfe-lait-youth-justice"
NEIGHBOURS = "dfe-statistical-neighbours-2025"
SCRAPE = "data-to-insight/hmi-probation-youth-justice-scrape, hmi_youth_justice_inspection_ratings.csv (commit 9dd53af)"

REGION_NAMES = {  # the DfE list's spelling -> ours
    "Inner London": "London",
    "Outer London": "London",
    "Yorkshire and The Humber": "Yorkshire and The Humber",
    "Yorkshire and the Humber": "Yorkshire and The Humber",
}

# Services that serve more than one council, or go by another name than their council (the YJB's
# local-level tables, 2024-25). Every other English council is a service of its own name.
# name -> (DfE council names, aliases)
JOINT_OR_RENAMED = {
    "Bedfordshire": (["Bedford Borough", "Central Bedfordshire"], ["Bedford and Central Bedfordshire"]),
    "Bury and Rochdale": (["Bury", "Rochdale"], []),
    "Cheshire East, Cheshire West, Halton and Warrington": (
        ["Cheshire East", "Cheshire West and Chester", "Halton", "Warrington"],
        [],
    ),
    "Kingston and Richmond": (["Kingston upon Thames", "Richmond upon Thames"], []),
    "Tower Hamlets and City of London": (["Tower Hamlets", "City of London"], []),
    "South Tees": (["Middlesbrough", "Redcar and Cleveland"], []),
    "West Mercia": (["Herefordshire", "Shropshire", "Telford and Wrekin", "Worcestershire"], []),
    "Dorset Combined": (["Bournemouth, Christchurch and Poole", "Dorset"], ["Dorset Combined YOS", "Dorset"]),
    "Northamptonshire": (["North Northamptonshire", "West Northamptonshire"], []),
    "Cornwall": (["Cornwall", "Isles of Scilly"], []),
    "Leicestershire": (["Leicestershire", "Rutland"], ["Leicestershire and Rutland"]),
    "County Durham": (["Durham"], ["Durham"]),
    "Hull": (["Kingston Upon Hull, City of"], ["Kingston-upon-Hull", "Kingston upon Hull"]),
    "Leicester City": (["Leicester"], ["Leicester"]),
    "Newcastle upon Tyne": (["Newcastle upon Tyne"], ["Newcastle"]),
    "Nottingham": (["Nottingham"], ["Nottingham City"]),
    "St Helens": (["St. Helens"], ["St. Helens"]),
    "Greenwich": (["Greenwich"], ["Royal Borough of Greenwich"]),
    "Bristol": (["Bristol, City of"], ["City of Bristol"]),
}
# Councils the DfE list still carries from before a reorganisation: no service of their own.
FORMER_COUNCILS = {
    "Bournemouth (Pre LG)",
    "Poole (Pre LG)",
    "Dorset (Pre LG)",
    "Cumbria",
    "Northamptonshire",
}
# A former council whose area is exactly one of today's services: its LAIT figures are that service's,
# for the periods before its successors report (Northamptonshire's 2021 residual of 43 is not a year's rate).
SAME_AREA_AS_FORMER = {"Northamptonshire": "Northamptonshire"}
SUCCESSORS = {"928": {"940", "941"}}

WALES = {
    "Blaenau Gwent and Caerphilly": ["Blaenau Gwent", "Caerphilly"],
    "Bridgend": ["Bridgend"],
    "Cardiff": ["Cardiff"],
    "Carmarthenshire": ["Carmarthenshire"],
    "Ceredigion": ["Ceredigion"],
    "Conwy and Denbighshire": ["Conwy", "Denbighshire"],
    "Cwm Taf": ["Merthyr Tydfil", "Rhondda Cynon Taf"],
    "Flintshire": ["Flintshire"],
    "Gwynedd and Ynys Môn": ["Gwynedd", "Isle of Anglesey"],
    "Monmouthshire and Torfaen": ["Monmouthshire", "Torfaen"],
    "Neath Port Talbot": ["Neath Port Talbot"],
    "Newport": ["Newport"],
    "Pembrokeshire": ["Pembrokeshire"],
    "Powys": ["Powys"],
    "Swansea": ["Swansea"],
    "Vale of Glamorgan": ["Vale of Glamorgan"],
    "Wrexham": ["Wrexham"],
}
WALES_ALIASES = {
    "Ceredigion": ["Ceredigion Youth Justice and Prevention Service"],
    "Carmarthenshire": ["Carmarthenshire Youth Justice Team"],
    "Gwynedd and Ynys Môn": ["Gwynedd & Ynys Mon"],
}

# The 155 services as the YJB's local-level tables name them (youth justice statistics 2024 to 2025, read
# from the public transcription SGilr/prism-r data/processed/geographies.json); the check in main() holds
# our list to it.
YJB_SERVICES = (
    "Barking and Dagenham",
    "Barnet",
    "Barnsley",
    "Bath and North East Somerset",
    "Bedfordshire",
    "Bexley",
    "Birmingham",
    "Blackburn with Darwen",
    "Blackpool",
    "Blaenau Gwent and Caerphilly",
    "Bolton",
    "Bracknell Forest",
    "Bradford",
    "Brent",
    "Bridgend",
    "Brighton and Hove",
    "Bristol",
    "Bromley",
    "Buckinghamshire",
    "Bury and Rochdale",
    "Calderdale",
    "Cambridgeshire",
    "Camden",
    "Cardiff",
    "Carmarthenshire",
    "Ceredigion",
    "Cheshire East, Cheshire West, Halton and Warrington",
    "Conwy and Denbighshire",
    "Cornwall",
    "Coventry",
    "Croydon",
    "Cumberland",
    "Cwm Taf",
    "Darlington",
    "Derby",
    "Derbyshire",
    "Devon",
    "Doncaster",
    "Dorset Combined YOS",
    "Dudley",
    "Durham",
    "Ealing",
    "East Riding of Yorkshire",
    "East Sussex",
    "Enfield",
    "Essex",
    "Flintshire",
    "Gateshead",
    "Gloucestershire",
    "Greenwich",
    "Gwynedd and Ynys Môn",
    "Hackney",
    "Hammersmith and Fulham",
    "Hampshire",
    "Haringey",
    "Harrow",
    "Hartlepool",
    "Havering",
    "Hertfordshire",
    "Hillingdon",
    "Hounslow",
    "Isle of Wight",
    "Islington",
    "Kensington and Chelsea",
    "Kent",
    "Kingston and Richmond",
    "Kingston-upon-Hull",
    "Kirklees",
    "Knowsley",
    "Lambeth",
    "Lancashire",
    "Leeds",
    "Leicester City",
    "Leicestershire",
    "Lewisham",
    "Lincolnshire",
    "Liverpool",
    "Luton",
    "Manchester",
    "Medway",
    "Merton",
    "Milton Keynes",
    "Monmouthshire and Torfaen",
    "Neath Port Talbot",
    "Newcastle upon Tyne",
    "Newham",
    "Newport",
    "Norfolk",
    "North East Lincolnshire",
    "North Lincolnshire",
    "North Somerset",
    "North Tyneside",
    "North Yorkshire",
    "Northamptonshire",
    "Northumberland",
    "Nottingham",
    "Nottinghamshire",
    "Oldham",
    "Oxfordshire",
    "Pembrokeshire",
    "Peterborough",
    "Plymouth",
    "Portsmouth",
    "Powys",
    "Reading",
    "Redbridge",
    "Rotherham",
    "Salford",
    "Sandwell",
    "Sefton",
    "Sheffield",
    "Slough",
    "Solihull",
    "Somerset",
    "South Gloucestershire",
    "South Tees",
    "South Tyneside",
    "Southampton",
    "Southend-on-Sea",
    "Southwark",
    "St. Helens",
    "Staffordshire",
    "Stockport",
    "Stockton-on-Tees",
    "Stoke-on-Trent",
    "Suffolk",
    "Sunderland",
    "Surrey",
    "Sutton",
    "Swansea",
    "Swindon",
    "Tameside",
    "Thurrock",
    "Torbay",
    "Tower Hamlets and City of London",
    "Trafford",
    "Vale of Glamorgan",
    "Wakefield",
    "Walsall",
    "Waltham Forest",
    "Wandsworth",
    "Warwickshire",
    "West Berkshire",
    "West Mercia",
    "West Sussex",
    "Westminster",
    "Westmorland and Furness",
    "Wigan",
    "Wiltshire",
    "Windsor and Maidenhead",
    "Wirral",
    "Wokingham",
    "Wolverhampton",
    "Wrexham",
    "York",
)

# The scrape's names that are not a service's name or alias.
SCRAPE_NAMES = {
    "Conwy & Denbighshire - JI": "Conwy and Denbighshire",
    "Nottinghamshire - JI": "Nottinghamshire",
    "Hackney - JI": "Hackney",
    "Suffolk - JI": "Suffolk",
    "Dorset - JI": "Dorset Combined",
    "Royal Borough of Greenwich": "Greenwich",
    "An inspection of Tower Hamlets and City of London": "Tower Hamlets and City of London",
    "Newcastle": "Newcastle upon Tyne",
    "Hull": "Hull",
    "St Helens": "St Helens",
}
# Rows of the scrape corrected from a second source (see data/seed/README.md, "Conflicts").
RATING_CORRECTIONS = {
    "west-sussex-yjs": ("Good", "hmip-press-west-sussex-2022"),
    "portsmouth-yot": ("Good", "hmip-press-portsmouth-2022"),
}
# score_% that is no whole /36: the rating is kept (confirmed by the press release), the score left out.
SCORE_LEFT_OUT = {"ceredigionyjs": "hmip-press-ceredigion-2024", "bridgend-jys": "hmip-press-bridgend-2022"}
# Inspections whose figures the seed documents already give (the scrape agrees: see the README).
ALREADY_IN_SEED = {"th-yjs", "ealingyos"}
# The seed has Reading's inspection by its fieldwork month only; this joins the scrape's row to it.
FIELDWORK = {"readingyjs": "2024-09"}


def read(name: str) -> list[dict]:
    with open(PUBLIC / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(name: str, header: list[str], rows: list[dict]) -> None:
    with open(SEED / name, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def council_services(councils: list[dict]) -> dict[str, str]:
    """DfE council name -> the service that serves it (England)."""
    served = {}
    for name, spec in JOINT_OR_RENAMED.items():
        if spec:
            for council in spec[0]:
                served[council] = name
    for council in councils:
        name = council["la_name"]
        if council["region"] == "NA" or name in FORMER_COUNCILS or name in served:
            continue
        served[name] = name
    return served


def area_rows(councils: list[dict], seed_rows: list[dict]) -> list[dict]:
    served = council_services(councils)
    region_of = {c["la_name"]: REGION_NAMES.get(c["region"], c["region"]) for c in councils}
    services: dict[str, list[str]] = {}
    for council, service in served.items():
        services.setdefault(service, []).append(council)
    seeds = {row["name"]: row for row in seed_rows}
    rows = []
    for service, members in sorted(services.items()):
        regions = {region_of[c] for c in members}
        assert len(regions) == 1, (service, regions)
        aliases = (JOINT_OR_RENAMED.get(service) or ((), []))[1]
        row = {
            "name": service,
            "region": regions.pop(),
            "country": "England",
            "local_authorities": "; ".join(sorted(members)),
            "population_10_17": "",
            "population_year": "",
            "aliases": "; ".join(aliases),
            "source": f"{YJB_LIST} § Local-level tables, youth justice services; councils from {LA_LIST}",
        }
        if service in seeds:  # keep the seed document's row, with the councils by their DfE names
            seed = seeds[service]
            row = {**seed, "local_authorities": row["local_authorities"]}
        rows.append(row)
    for service, members in WALES.items():
        rows.append(
            {
                "name": service,
                "region": "Wales",
                "country": "Wales",
                "local_authorities": "; ".join(members),
                "population_10_17": "",
                "population_year": "",
                "aliases": "; ".join(WALES_ALIASES.get(service, [])),
                "source": f"{YJB_LIST} § Local-level tables, youth justice services (Wales)",
            }
        )
    return rows


def scrape_date(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%y").date()


def framework_of(row: dict) -> str:
    """The scrape's standard columns show the framework: 3.4 'Joint working' is the 2018 standard."""
    return "2018" if row["joint_working"] else "2021"


def whole_score(percent: str) -> int | None:
    score = float(percent) * 36 / 100
    return round(score) if abs(score - round(score)) < 0.01 else None


def national_inspections(scrape: list[dict], names: set[str], aliases: dict[str, str]):
    rows, documents = [], []
    for row in scrape:
        ref = row["la_ref"]
        area = SCRAPE_NAMES.get(row["la_name"], row["la_name"])
        area = aliases.get(area, area)
        assert area in names, row["la_name"]
        published = scrape_date(row["publication_date"])
        documents.append(report_document(ref, area, published, row["report_url"]))
        if ref in ALREADY_IN_SEED:
            continue
        rating = row["overall_rating"].strip().capitalize()
        section = "overall rating and score"
        if ref in RATING_CORRECTIONS:
            rating, _press = RATING_CORRECTIONS[ref]
            section = "score; overall rating from the press release (the scrape's cell is wrong)"
        score = whole_score(row["score_%"])
        if ref in SCORE_LEFT_OUT:
            assert score is None
            section = "overall rating (the scrape's score does not make a whole /36 and is left out)"
        assert rating in ("Outstanding", "Good", "Requires improvement", "Inadequate"), (ref, rating)
        rows.append(
            {
                "area": area,
                "published": published.isoformat(),
                "fieldwork_start": FIELDWORK.get(ref, ""),
                "framework": framework_of(row),
                "overall_rating": rating,
                "score": "" if score is None else str(score),
                "source": f"hmip-{ref} § {section}",
            }
        )
    return rows, documents


def report_document(ref: str, area: str, published: dt.date, url: str) -> dict:
    return {
        "document_id": f"hmip-{ref}",
        "title": f"HM Inspectorate of Probation: inspection of youth justice services in {area}",
        "publisher": "HM Inspectorate of Probation",
        "published": published.isoformat(),
        "url": url,
        "transcribed_from": SCRAPE,
    }


def lait_values(lait: list[dict], served_by_number: dict[str, str]) -> list[dict]:
    measures = {
        "FirstYJS": ("fte_rate", "First time entrants per 100,000 aged 10-17"),
        "ReoffYO": ("reoffending_rate_10_14", "Proven reoffending, children aged 10-14"),
        "ReoffYO15-17": ("reoffending_rate_15_17", "Proven reoffending, children aged 15-17"),
        "YJS_Caution-Sentence10-17_YO": ("cautioned_or_sentenced_rate", "Children cautioned or sentenced per 10,000"),
        "YouthJusticeFinance": ("youth_justice_gross_spend", "Youth justice gross expenditure"),
    }
    regions = {"North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands"}
    regions |= {"East of England", "London", "South East", "South West"}
    missing = ("", "-", "x", "c", "z")
    reported = {(r["la_number"], r["measure_code"], r["period"]) for r in lait if r["value"] not in missing}
    rows = []
    for row in lait:
        if row["measure_code"] not in measures or row["value"] in missing:
            continue
        successors = SUCCESSORS.get(row["la_number"], set())
        if any((s, row["measure_code"], row["period"]) in reported for s in successors):
            continue
        code, label = measures[row["measure_code"]]
        geography = row["geography"]
        if geography == "England":
            # LAIT's England first-time-entrant "rate" is the sum of the nine regional rates (3071 in 2016);
            # the other England rows are blank, except spend (a total, which adds up).
            if code != "youth_justice_gross_spend":
                continue
            area = "England"
        elif geography in regions:
            area = REGION_NAMES.get(geography, geography)
        elif row["la_number"] in served_by_number:
            area = served_by_number[row["la_number"]]
        else:
            continue  # a council inside a joint service, or a former council
        period = row["period"].replace(" (OT)", "")
        rows.append(
            {
                "area": area,
                "indicator": code,
                "period": lait_period(code, period),
                "value": row["value"],
                "source": f"{LAIT} § {label} ({row['measure_code']})",
            }
        )
    return rows


def lait_period(code: str, period: str) -> str:
    if code.startswith("reoffending"):
        return period  # the reoffending measures' years stand as LAIT labels them (see the catalogue)
    return period


def neighbour_groups(neighbours: list[dict], served_by_number: dict[str, str], single: set[str]) -> list[dict]:
    rows = []
    for row in neighbours:
        own = served_by_number.get(row["la_number"])
        if own not in single:
            continue
        members = [served_by_number.get(row[f"sn{i}"]) for i in range(1, 11)]
        kept = [m for m in members if m in single]
        note = f"{len(kept)} of 10 neighbours are single-council services"
        for member in [own, *kept]:
            rows.append(
                {
                    "group_name": f"Statistical neighbours of {own}",
                    "area": member,
                    "source": f"{NEIGHBOURS} § {row['la_name']} ({note})",
                }
            )
    return rows


def main() -> None:
    councils = read("la_code_list.csv")
    with open(SEED / "areas.csv", encoding="utf-8", newline="") as handle:
        seed_rows = [r for r in csv.DictReader(handle) if r["source"][:3].isdigit()]
    areas = area_rows(councils, seed_rows)
    names = {a["name"] for a in areas}
    known = {a["name"]: a["name"] for a in areas} | {
        alias.strip(): a["name"] for a in areas for alias in a["aliases"].split(";") if alias.strip()
    }
    missing = [n for n in YJB_SERVICES if n not in known]
    assert not missing and len({known[n] for n in YJB_SERVICES}) == len(areas) == 155, missing
    write("areas.csv", list(areas[0]), areas)
    aliases = {alias.strip(): a["name"] for a in areas for alias in a["aliases"].split(";") if alias.strip()}

    served = council_services(councils)
    number_of = {c["la_name"]: c["la_number"] for c in councils}
    members = {}
    for council, service in served.items():
        members.setdefault(service, []).append(council)
    single = {service for service, councils_of in members.items() if len(councils_of) == 1}
    served_by_number = {number_of[c]: s for s, cs in members.items() if len(cs) == 1 for c in cs}
    for former, service in SAME_AREA_AS_FORMER.items():
        served_by_number[number_of[former]] = service

    inspections, documents = national_inspections(read("hmi_youth_justice_inspection_ratings.csv"), names, aliases)
    write("national_inspections.csv", list(inspections[0]), inspections)
    write("report_documents.csv", list(documents[0]), documents)
    values = lait_values(read("lait_youth_justice_indicators.csv"), served_by_number)
    write("lait_indicator_values.csv", list(values[0]), values)
    groups = neighbour_groups(read("statistical_neighbours_may_2025.csv"), served_by_number, single)
    write("comparator_groups.csv", list(groups[0]), groups)


if __name__ == "__main__":
    main()
