#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The XLSX report read back with openpyxl and rendered by LibreOffice, against metrics --json.

import datetime
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_tap import check, finish  # noqa: E402

CLI = os.environ["TENURE_CLI"]
MAKE_WORKSPACE = os.environ["TENURE_TEST_WORKSPACE"]
MONTH = "2026-04"

SHEETS_EN = ["Summary", "Revenue", "Cohorts", "Jobs & onboarding", "Qualification",
             "Accounts at risk", "Satisfaction", "Acquisition & value", "Definitions",
             "Data lineage"]
SHEETS_FR = ["Synthèse", "Revenus", "Cohortes", "Jobs et onboarding", "Qualification",
             "Comptes à risque", "Satisfaction", "Acquisition et valeur", "Définitions",
             "Origine des données"]
NULL = "—"
# Our own formulas, the only ones the report may contain.
OWN_FORMULAS = re.compile(r"^=(B\d+/[BCD]\d+(-1)?|SUM\(C\d+:G\d+\)|B\d+/SUM\(B\$\d+:B\$\d+\))$")

def run(*args, env=None):
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env)


def metrics(workspace, month, *filters):
    result = run("metrics", workspace, "--month", month, "--json", *filters)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def rows_by_label(sheet):
    """Column A label → the row's cells; a row with a figure in B beats a header row."""
    rows = {}
    for row in sheet.iter_rows():
        if not row or not isinstance(row[0].value, str):
            continue
        if row[0].value not in rows or (len(row) > 1 and row[1].data_type == "n"):
            rows[row[0].value] = row
    return rows


def assert_figure(cell, expected, scale=1.0, tolerance=1e-9, kind=None):
    """A figure cell: a number (expected × scale) or, for a null figure, the text "—"."""
    if expected is None:
        assert cell.value == NULL and cell.data_type == "s", (cell.coordinate, cell.value)
        return
    assert cell.data_type == "n", (cell.coordinate, cell.value, cell.data_type)
    assert math.isclose(cell.value, expected * scale, rel_tol=0, abs_tol=tolerance), \
        (cell.coordinate, cell.value, expected * scale)
    if kind == "money":
        assert "€" in cell.number_format and "0.00" in cell.number_format, cell.number_format
    elif kind == "pct":
        assert cell.number_format == "0.0%", (cell.coordinate, cell.number_format)


def assert_money(cell, cents):
    assert_figure(cell, None if cents is None else cents / 100.0, kind="money", tolerance=1e-9)


def assert_pct(cell, pct):
    assert_figure(cell, None if pct is None else pct / 100.0, kind="pct", tolerance=1e-12)


tmp = tempfile.mkdtemp(prefix="tenure-report-xlsx-")
workspace = os.path.join(tmp, "example.tenure")
subprocess.run([MAKE_WORKSPACE, workspace, "--inject"], check=True)
out_dir = os.path.join(tmp, "out")
os.mkdir(out_dir)
report = os.path.join(out_dir, "report.xlsx")
stale = os.path.join(out_dir, ".report.xlsx.Ab12Cd")
with open(stale, "w") as stream:
    stream.write("left by a killed export")

generated = run("report", workspace, "--month", MONTH, "--output", report, "--language", "en")
m = metrics(workspace, MONTH)
m_before = metrics(workspace, "2026-03")
book = openpyxl.load_workbook(report) if generated.returncode == 0 else None


@check("report written, stale temporary removed, nothing else left")
def _():
    assert generated.returncode == 0, generated.stderr
    assert sorted(os.listdir(out_dir)) == ["report.xlsx"], os.listdir(out_dir)


@check("sheet names in English")
def _():
    assert book.sheetnames == SHEETS_EN, book.sheetnames


@check("summary figures equal metrics --json")
def _():
    rows = rows_by_label(book["Summary"])
    assert_money(rows["MRR"][1], m["mrr_cents"])
    assert_money(rows["MRR"][2], m_before["mrr_cents"])
    assert_figure(rows["Customers"][1], m["customers"])
    assert_pct(rows["Net revenue retention (NRR)"][1], m["nrr_pct"])
    assert_pct(rows["Net revenue retention (NRR)"][2], m_before["nrr_pct"])
    assert_pct(rows["Net revenue retention (NRR)"][3], None)
    assert_pct(rows["Gross revenue retention (GRR)"][1], m["grr_pct"])
    assert_pct(rows["Logo churn"][1], m["logo_churn_pct"])
    assert_pct(rows["Revenue churn"][1], m["revenue_churn_pct"])
    assert_figure(rows["NPS"][1], m["nps"]["score"])
    assert_figure(rows["Customer loyalty index (CLI)"][1], m["cli"]["score"])
    assert_pct(rows["48-hour signal"][1], m["signal48h_pct"])
    assert_figure(rows["Time to first value (median, days)"][1], m["ttfv_median_days"])
    assert_figure(rows["Accounts at risk (red)"][1], m["health"]["red"])
    assert_money(rows["Customer lifetime value (CLV)"][1], m["clv_cents"])
    for name, channel in m["channels"].items():
        assert_figure(rows["CLV / CAC — " + name][1], channel["clv_cac_ratio"])
    # The worked example: MRR 390.00, NRR 90.476 %, CLV 364.00 (METRICS.md section 9).
    assert rows["MRR"][1].value == 390.0
    assert rows["Customer lifetime value (CLV)"][1].value == 364.0


@check("summary: targets, statuses, traffic lights, cached formulas")
def _():
    sheet = book["Summary"]
    rows = rows_by_label(sheet)
    nrr = rows["Net revenue retention (NRR)"]
    assert nrr[4].value == 1.0 and nrr[4].number_format == "0.0%"
    assert nrr[5].value == "Off target"
    assert rows["Customer loyalty index (CLI)"][5].value == "On target"
    change = rows["MRR change vs last month"][1]
    assert change.data_type == "f" and change.value == "=B8/C8-1", change.value
    ranges = [str(r.sqref) for r in sheet.conditional_formatting]
    assert any("B" in r and "F" in r for r in ranges), ranges
    assert isinstance(sheet["B3"].value, datetime.datetime) and sheet["B3"].value.day == 1
    assert sheet["B3"].number_format.endswith("mmmm yyyy")
    assert isinstance(sheet["B4"].value, datetime.datetime)
    assert sheet.print_title_rows == "$7:$7", sheet.print_title_rows


@check("targets come from workspace settings")
def _():
    import sqlite3
    copy = os.path.join(tmp, "targets.tenure")
    path = os.path.join(out_dir, "targets.xlsx")
    shutil.copy(workspace, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("INSERT OR REPLACE INTO workspace (key, value) "
                           "VALUES ('target_nrr_pct', '85')")
    result = run("report", copy, "--month", MONTH, "--output", path, "--language", "en")
    assert result.returncode == 0, result.stderr
    nrr = rows_by_label(openpyxl.load_workbook(path)["Summary"])["Net revenue retention (NRR)"]
    assert nrr[4].value == 0.85 and nrr[5].value == "On target", (nrr[4].value, nrr[5].value)
    os.unlink(path)


@check("cached formula values equal the figures")
def _():
    with zipfile.ZipFile(report) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    cached = re.search(r"<f>B8/C8-1</f><v>([^<]+)</v>", xml)
    assert cached, "no cached value"
    assert math.isclose(float(cached.group(1)), 390.0 / 210.0 - 1, abs_tol=1e-12)


@check("revenue: 13 months equal metrics --json month by month")
def _():
    sheet = book["Revenue"]
    assert sheet.freeze_panes == "B5", sheet.freeze_panes
    months = [row for row in sheet.iter_rows(min_row=5, max_row=17)]
    assert months[0][0].value == datetime.datetime(2025, 4, 1)
    assert months[-1][0].value == datetime.datetime(2026, 4, 1)
    for row, figures in ((months[-2], m_before), (months[-1], m)):
        movements = figures["movements"]
        assert_money(row[1], figures["mrr_cents"])
        assert_money(row[2], movements["new_cents"])
        assert_money(row[3], movements["reactivation_cents"])
        assert_money(row[4], movements["expansion_cents"])
        assert_money(row[5], movements["contraction_cents"])
        assert_money(row[6], movements["churn_cents"])
        assert_figure(row[8], figures["customers"])
        assert_pct(row[9], figures["nrr_pct"])
        assert_pct(row[10], figures["grr_pct"])
        assert_pct(row[11], figures["logo_churn_pct"])
        assert_pct(row[12], figures["revenue_churn_pct"])
    # Months without customers the month before: rates are "—", never 0.
    assert_pct(months[0][9], None)


@check("cohorts: logo and revenue retention equal metrics --json")
def _():
    sheet = book["Cohorts"]
    cells = {}
    for row in sheet.iter_rows():
        if isinstance(row[0].value, datetime.datetime):
            cells.setdefault(row[0].value.strftime("%Y-%m"), []).append(row)
    assert len(m["cohorts"]) == 3
    for cohort in m["cohorts"]:
        logo_row, revenue_row = cells[cohort["cohort"]]
        assert logo_row[1].value == cohort["size"]
        assert logo_row[2].value == "small (< 10)"
        for age, pct in enumerate(cohort["logo_pct"]):
            assert_pct(logo_row[3 + age], pct)
        for age, pct in enumerate(cohort["revenue_pct"]):
            assert_pct(revenue_row[3 + age], pct)
    assert len(sheet.conditional_formatting) == 2


@check("jobs, satisfaction and acquisition equal metrics --json")
def _():
    jobs = book["Jobs & onboarding"]
    taj = m["taj"]
    assert [jobs.cell(row, 2).value for row in (5, 6, 7)] == \
        [taj["bucket_0"], taj["bucket_1_3"], taj["bucket_4_plus"]]
    for row, key in ((5, "0"), (6, "1-3"), (7, "4+")):
        assert_pct(jobs.cell(row, 3), taj["retention12_by_bucket"][key])
    rows = rows_by_label(jobs)
    assert_pct(rows["Sign-ups with a 48-hour signal"][1], m["signal48h_pct"])
    assert rows["There are no onboarding scenarios in this workspace."]

    satisfaction = rows_by_label(book["Satisfaction"])
    assert satisfaction["Promoters (9–10)"][1].value == m["nps"]["promoters"]
    assert satisfaction["Passives (7–8)"][1].value == m["nps"]["passives"]
    assert satisfaction["Detractors (0–6)"][1].value == m["nps"]["detractors"]
    assert_figure(satisfaction["NPS"][1], m["nps"]["score"])

    acquisition = rows_by_label(book["Acquisition & value"])
    assert_money(acquisition["Average revenue per account (ARPA)"][1], m["arpa_cents"])
    assert_money(acquisition["Customer lifetime value (CLV)"][1], m["clv_cents"])
    for name, channel in m["channels"].items():
        row = acquisition[name]
        assert_money(row[1], channel["spend_cents"])
        assert row[2].value == channel["new_customers"]
        assert_money(row[3], channel["cac_cents"])
        assert_figure(row[4], channel["clv_cac_ratio"])
        assert_figure(row[5], channel["payback_months"])
    assert acquisition["ads"][3].value == 600.0


@check("accounts at risk: frozen header, autofilter, hostile names stay text")
def _():
    sheet = book["Accounts at risk"]
    assert sheet.freeze_panes == "A5", sheet.freeze_panes
    assert sheet.auto_filter.ref == "A4:K7", sheet.auto_filter.ref
    assert sheet.print_title_rows == "$4:$4", sheet.print_title_rows
    names = {row[0].value: row for row in sheet.iter_rows(min_row=5)}
    assert set(names) == {"A", "C", "D"}, set(names)
    assert names["A"][1].value == '=HYPERLINK("http://x","y")'
    assert names["A"][1].data_type == "s"
    assert names["A"][2].value == "+Claire" and names["A"][2].data_type == "s"
    assert names["C"][1].value == "@SUM(A1:A2)" and names["C"][1].data_type == "s"
    # A control character, which XML cannot hold, arrives as a space.
    assert names["C"][2].value == "Cla ire", repr(names["C"][2].value)
    long_name = names["D"][1].value
    assert len(long_name) == 32767 and long_name.endswith("…"), len(long_name)
    for row in names.values():
        assert row[5].data_type == "n" and "€" in row[5].number_format
        assert row[7].value == "red"


@check("data lineage: imports with their checksum and date, workspace, version")
def _():
    sheet = book["Data lineage"]
    rows = rows_by_label(sheet)
    assert rows["Workspace file"][1].value == "example.tenure"
    assert rows["Tenure version"][1].value
    assert isinstance(rows["Generated at"][1].value, datetime.datetime)
    accounts = rows["accounts.csv"]
    assert accounts[1].value == "Accounts" and accounts[2].value == 4
    assert accounts[3].value.startswith("0f343b09") and len(accounts[3].value) == 64
    assert accounts[4].value == datetime.datetime(2026, 5, 1, 8, 0, 0)
    assert accounts[4].number_format == "yyyy-mm-dd hh:mm"
    hostile = rows["=cmd|calc.csv"]
    assert hostile[0].data_type == "s" and hostile[2].value == 7
    # The figures are dated by the last import (a later one can change past months).
    import sqlite3
    with sqlite3.connect(workspace) as connection:
        (last,) = connection.execute("SELECT max(imported_at) FROM import").fetchone()
    last = datetime.datetime.fromisoformat(last.rstrip("Z"))
    assert rows["Data imported up to"][1].value == last, rows["Data imported up to"][1].value
    sentence = "Figures computed from the data imported up to %d %s, %02d:%02d UTC." % (
        last.day, last.strftime("%B %Y"), last.hour, last.minute)
    texts = [row[0].value for sheet in (book["Data lineage"], book["Definitions"])
             for row in sheet.iter_rows() if isinstance(row[0].value, str)]
    assert sum(text.startswith(sentence) for text in texts) == 2, (sentence, texts)


@check("no formula other than the report's own")
def _():
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert OWN_FORMULAS.match(cell.value), (sheet.title, cell.coordinate, cell.value)


@check("at least 6 native charts; empty ones say so in their title")
def _():
    with zipfile.ZipFile(report) as package:
        charts = [n for n in package.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
        assert len(charts) >= 6, charts
        titles = " ".join(package.read(n).decode() for n in charts)
        drawings = " ".join(package.read(n).decode() for n in package.namelist()
                            if n.startswith("xl/drawings/drawing"))
    assert "12-month retention by jobs done in the first 30 days (no data)" in titles
    # Every chart carries its title as alt text for screen readers.
    assert len(re.findall(r'descr="[^"]+"', drawings)) == len(charts)


@check("print setup and document properties")
def _():
    with zipfile.ZipFile(report) as package:
        for index in range(1, len(SHEETS_EN) + 1):
            xml = package.read(f"xl/worksheets/sheet{index}.xml").decode()
            assert 'orientation="landscape"' in xml, index
            # fitToWidth="1" is the default, left out; fitToHeight="0": as many pages as needed.
            assert 'fitToPage="1"' in xml and 'fitToHeight="0"' in xml, index
            assert 'fitToWidth="' not in xml or 'fitToWidth="1"' in xml, index
            assert "&amp;A" in xml and "&amp;P / &amp;N" in xml, index
        app = package.read("docProps/app.xml").decode()
    assert "<Company>example</Company>" in app, app
    # Every sheet repeats rows at the top of its pages: its table header or its title.
    for sheet in book.worksheets:
        assert sheet.print_title_rows, sheet.title
    assert book["Definitions"].print_title_rows == "$1:$2"
    assert book["Definitions"].row_breaks.brk, "the targets start a page"
    assert book.properties.title.startswith("Monthly retention report — example — April 2026")
    assert book.properties.subject


@check("French report: sheet names, labels, formats")
def _():
    path = os.path.join(out_dir, "rapport.xlsx")
    result = run("report", workspace, "--month", MONTH, "--output", path, "--language", "fr")
    assert result.returncode == 0, result.stderr
    french = openpyxl.load_workbook(path)
    assert french.sheetnames == SHEETS_FR, french.sheetnames
    rows = rows_by_label(french["Synthèse"])
    cell = rows["MRR (revenu mensuel récurrent)"][1]
    assert cell.value == 390.0 and cell.number_format.startswith('#,##0.00 "€"'), cell.number_format
    assert french["Synthèse"]["B3"].number_format.startswith("[$-40C]")
    texts = [row[0].value for row in french["Définitions"].iter_rows()
             if isinstance(row[0].value, str)]
    assert any(text.startswith("Chiffres calculés à partir des données importées jusqu’au ")
               and " UTC. Un import ultérieur" in text for text in texts), texts
    os.unlink(path)


@check("the language defaults to the user's (LANGUAGE=fr → French)")
def _():
    path = os.path.join(out_dir, "defaut.xlsx")
    result = run("report", workspace, "--month", MONTH, "--output", path,
                 env={"LANGUAGE": "fr_FR", "LANG": "fr_FR.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(path, read_only=True).sheetnames == SHEETS_FR
    result = run("report", workspace, "--month", MONTH, "--output", path,
                 env={"LANGUAGE": "en", "LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(path, read_only=True).sheetnames == SHEETS_EN
    os.unlink(path)


@check("a filter gives the figures of metrics --segment")
def _():
    path = os.path.join(out_dir, "smb.xlsx")
    result = run("report", workspace, "--month", MONTH, "--output", path, "--language", "en",
                 "--segment", "SMB")
    assert result.returncode == 0, result.stderr
    smb = metrics(workspace, MONTH, "--segment", "SMB")
    rows = rows_by_label(openpyxl.load_workbook(path)["Summary"])
    assert_money(rows["MRR"][1], smb["mrr_cents"])
    assert_pct(rows["Net revenue retention (NRR)"][1], smb["nrr_pct"])
    assert rows["Accounts"][1].value == "Segment: SMB"
    os.unlink(path)


@check("unwritable folder: exit 1, a clear message, nothing written")
def _():
    blocker = os.path.join(tmp, "blocker.txt")
    with open(blocker, "w") as stream:
        stream.write("a file, not a folder")
    before = sorted(os.listdir(tmp))
    result = run("report", workspace, "--month", MONTH, "--output",
                 os.path.join(blocker, "report.xlsx"))
    assert result.returncode == 1, result.returncode
    assert "Cannot write" in result.stderr and "Choose a folder" in result.stderr, result.stderr
    result = run("report", workspace, "--month", MONTH, "--output",
                 os.path.join(tmp, "missing", "report.xlsx"))
    assert result.returncode == 1 and "Cannot write" in result.stderr, result.stderr
    assert sorted(os.listdir(tmp)) == before


@check("usage errors exit 2")
def _():
    assert run("report", workspace, "--month", MONTH).returncode == 2
    assert run("report", workspace, "--month", "2026-13", "--output", report).returncode == 2
    assert run("report", workspace, "--month", MONTH, "--output", report,
               "--language", "de").returncode == 2
    assert run("report", workspace, "--month", MONTH, "--output", report,
               "--segment", "A", "--plan", "B").returncode == 2


@check("demo company: the report shows the figures of metrics --json to the cent")
def _():
    demo = os.path.join(tmp, "demo.tenure")
    path = os.path.join(out_dir, "demo.xlsx")
    result = subprocess.run([CLI, "demo", demo,
                             "--accounts", "600", "--end-month", "2026-10", "--seed", "1"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    result = run("report", demo, "--month", "2026-10", "--output", path, "--language", "en")
    assert result.returncode == 0, result.stderr
    figures = metrics(demo, "2026-10")
    before = metrics(demo, "2026-09")
    demo_book = openpyxl.load_workbook(path)
    rows = rows_by_label(demo_book["Summary"])
    assert_money(rows["MRR"][1], figures["mrr_cents"])
    assert_money(rows["MRR"][2], before["mrr_cents"])
    assert_pct(rows["Net revenue retention (NRR)"][1], figures["nrr_pct"])
    assert_pct(rows["Gross revenue retention (GRR)"][1], figures["grr_pct"])
    assert_pct(rows["Logo churn"][1], figures["logo_churn_pct"])
    assert_pct(rows["Revenue churn"][1], figures["revenue_churn_pct"])
    assert_figure(rows["NPS"][1], figures["nps"]["score"])
    assert_figure(rows["Customer loyalty index (CLI)"][1], figures["cli"]["score"])
    assert_pct(rows["48-hour signal"][1], figures["signal48h_pct"])
    assert_figure(rows["Time to first value (median, days)"][1], figures["ttfv_median_days"])
    assert_figure(rows["Accounts at risk (red)"][1], figures["health"]["red"])
    assert_money(rows["Customer lifetime value (CLV)"][1], figures["clv_cents"])
    taj = figures["taj"]
    share = taj["bucket_4_plus"] / (taj["bucket_0"] + taj["bucket_1_3"] + taj["bucket_4_plus"])
    assert_figure(rows["New accounts with TAJ > 3"][1], share, tolerance=1e-12)

    revenue = list(demo_book["Revenue"].iter_rows(min_row=5, max_row=17))
    movements = figures["movements"]
    assert_money(revenue[-1][2], movements["new_cents"])
    assert_money(revenue[-1][4], movements["expansion_cents"])
    assert_money(revenue[-1][6], movements["churn_cents"])
    assert math.isclose(sum(c.value for c in revenue[-1][2:7]),
                        (figures["mrr_cents"] - before["mrr_cents"]) / 100, abs_tol=1e-6)

    acquisition = rows_by_label(demo_book["Acquisition & value"])
    for name, channel in figures["channels"].items():
        assert_money(acquisition[name][1], channel["spend_cents"])
        assert_money(acquisition[name][3], channel["cac_cents"])
        assert_figure(acquisition[name][4], channel["clv_cac_ratio"])

    at_risk = demo_book["Accounts at risk"]
    bands = [row[7].value for row in at_risk.iter_rows(min_row=5)]
    assert bands.count("red") == figures["health"]["red"], bands.count("red")
    assert bands.count("amber") == figures["health"]["amber"]
    assert at_risk.auto_filter.ref == "A4:K%d" % (4 + len(bands))

    cohorts = {}
    for row in demo_book["Cohorts"].iter_rows():
        if isinstance(row[0].value, datetime.datetime):
            cohorts.setdefault(row[0].value.strftime("%Y-%m"), []).append(row)
    for cohort in figures["cohorts"]:
        logo_row, revenue_row = cohorts[cohort["cohort"]]
        for age, pct in enumerate(cohort["logo_pct"]):
            assert_pct(logo_row[3 + age], pct)
        for age, pct in enumerate(cohort["revenue_pct"]):
            assert_pct(revenue_row[3 + age], pct)
    with zipfile.ZipFile(path) as package:
        assert len([n for n in package.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]) >= 6

    # Onboarding step funnels, from their own engine (tenure-cli scenarios --json).
    result = run("scenarios", demo, "--month", "2026-10", "--json")
    assert result.returncode == 0, result.stderr
    scenarios = json.loads(result.stdout)["scenarios"]
    assert scenarios, "the demo company has scenarios"
    jobs = demo_book["Jobs & onboarding"]
    steps = {row[0].value: row for row in jobs.iter_rows()
             if isinstance(row[0].value, str) and re.match(r"^\d+\. ", row[0].value)}
    labels = [row[0].value for row in jobs.iter_rows() if isinstance(row[0].value, str)]
    for scenario in scenarios:
        assert any(label.startswith(scenario["name"]) for label in labels), scenario["name"]
        for step in scenario["steps"]:
            prefix = "%d. %s — " % (step["position"], step["title"])
            label = next(k for k in steps if k.startswith(prefix))
            assert_pct(steps[label][2], step["done_pct"])
            assert_figure(steps[label][3], step["median_days"])

    # The qualification audit, from its own engine (tenure-cli audit --json).
    result = run("audit", demo, "--month", "2026-10", "--json")
    assert result.returncode == 0, result.stderr
    audit = json.loads(result.stdout)
    qualification = demo_book["Qualification"]
    figures_rows = rows_by_label(qualification)
    assert figures_rows["Accounts in the audit"][1].value == audit["population"]
    assert figures_rows["Accounts in each group (20 %)"][1].value == audit["group_size"]
    options = [row for row in qualification.iter_rows(min_row=5)
               if isinstance(row[1].value, str) and isinstance(row[2].value, int)]
    expected = [option for question in audit["questions"] for option in question["options"]]
    assert expected and len(options) == len(expected), (len(options), len(expected))
    for row, option in zip(options, expected):
        assert row[1].value == option["option"] and row[2].value == option["points"]
        assert_pct(row[3], option["share_top_pct"])
        assert_pct(row[4], option["share_bottom_pct"])
        assert_figure(row[5], option["lift"])


@check("LibreOffice converts the report to PDF, one page or more per sheet")
def _():
    profile = tempfile.mkdtemp(prefix="tenure-lo-")
    try:
        result = subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp,
             "-env:UserInstallation=file://" + profile, report],
            capture_output=True, text=True, timeout=180)
        pdf = os.path.join(tmp, "report.pdf")
        assert result.returncode == 0 and os.path.exists(pdf), result.stderr
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True)
        pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
        assert len(SHEETS_EN) <= pages <= 30, pages
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True, check=True).stdout
        # "###" is what a spreadsheet prints when a number does not fit its column.
        assert "###" not in text, "a column is too narrow"
        # The footer: sheet name on the left, "page / pages" on the right.
        assert re.search(r"Summary\s+1 / %d" % pages, text), "footer"
        assert "Data lineage" in text
    finally:
        shutil.rmtree(profile, ignore_errors=True)


shutil.rmtree(tmp, ignore_errors=True)
sys.exit(finish())
