#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The report of the demo company read back with openpyxl, its key figures recomputed here,
# independently, from the workspace's tables with sqlite3 and METRICS.md's formulas.
#
# Nothing here calls tenure-cli metrics or shares code with it: the workspace is read with
# Python's sqlite3, and every figure is rebuilt from its definition, to the cent.

import collections
import datetime
import math
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from fractions import Fraction

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_tap import check, finish  # noqa: E402

CLI = os.environ["TENURE_CLI"]
YEAR, MON = 2026, 10
M = YEAR * 12 + MON - 1          # month index, as METRICS.md counts months
NULL = "—"

def month_of(date_text):
    return int(date_text[0:4]) * 12 + int(date_text[5:7]) - 1


def first_day(month):
    return datetime.date(month // 12, month % 12 + 1, 1)


def day_of(text):
    return datetime.date.fromisoformat(text[:10])


def moment(text):
    """An event's timestamp (UTC, 'YYYY-MM-DDTHH:MM:SSZ') or a date at 00:00 UTC."""
    if len(text) == 10:
        return datetime.datetime.fromisoformat(text + "T00:00:00")
    return datetime.datetime.fromisoformat(text.rstrip("Z"))


def cents(cell):
    """A money cell read back: a number in currency units, returned in cents (exact)."""
    assert cell.data_type == "n", (cell.coordinate, cell.value)
    assert "€" in cell.number_format, (cell.coordinate, cell.number_format)
    value = round(cell.value * 100)
    assert abs(cell.value * 100 - value) < 1e-6, (cell.coordinate, cell.value)
    return value


def assert_fraction(cell, expected, scale=1):
    """A percentage cell (number with a % format) or a plain figure, against an exact value."""
    if expected is None:
        assert cell.value == NULL, (cell.coordinate, cell.value)
        return
    assert cell.data_type == "n", (cell.coordinate, cell.value)
    assert math.isclose(cell.value, float(expected) * scale, rel_tol=0, abs_tol=1e-12), \
        (cell.coordinate, cell.value, float(expected) * scale)


def rows_by_label(sheet):
    rows = {}
    for row in sheet.iter_rows():
        if row and isinstance(row[0].value, str):
            if row[0].value not in rows or (len(row) > 1 and row[1].data_type == "n"):
                rows[row[0].value] = row
    return rows


tmp = tempfile.mkdtemp(prefix="tenure-report-recompute-")
workspace = os.path.join(tmp, "demo.tenure")
report = os.path.join(tmp, "report.xlsx")
subprocess.run([CLI, "demo", workspace, "--accounts", "600", "--end-month", "2026-10",
                "--seed", "1"], check=True, capture_output=True)
subprocess.run([CLI, "report", workspace, "--month", "2026-10", "--output", report,
                "--language", "en"], check=True, capture_output=True)
book = openpyxl.load_workbook(report)
db = sqlite3.connect("file:%s?mode=ro" % workspace, uri=True)

# Section 1: MRR(a, T) = Σ amounts of the subscriptions with month(S) <= T < month(E).
subscriptions = collections.defaultdict(list)
for account, start, end, amount in db.execute(
        "SELECT account_id, start_date, end_date, mrr_cents FROM subscription"):
    subscriptions[account].append((month_of(start), month_of(end) if end else None, amount))


def mrr(account, month):
    return sum(amount for start, end, amount in subscriptions.get(account, ())
               if start <= month and (end is None or month < end))


def first_paid(account):
    """The account's first month with MRR > 0 (its cohort), or None."""
    starts = [start for start, _, _ in subscriptions.get(account, ())]
    return next((t for t in range(min(starts), M + 1) if mrr(account, t) > 0), None) \
        if starts else None


def paid_before(account, month):
    first = first_paid(account)
    return first is not None and first < month


accounts = {row[0]: row[1:] for row in db.execute(
    "SELECT id, external_id, name, owner, segment, signup_date FROM account")}


@check("MRR, the month's movements, logo churn, NRR and GRR (METRICS.md sections 1-2)")
def _():
    total = {M: 0, M - 1: 0}
    movement = collections.Counter()
    customers_before = churned = 0
    for account in subscriptions:
        p, c = mrr(account, M - 1), mrr(account, M)
        total[M] += c
        total[M - 1] += p
        customers_before += p > 0
        if p == 0 and c > 0:
            movement["reactivation" if paid_before(account, M - 1) else "new"] += c
        elif p > 0 and c > p:
            movement["expansion"] += c - p
        elif p > 0 and 0 < c < p:
            movement["contraction"] += c - p
        elif p > 0 and c == 0:
            movement["churn"] -= p
            churned += 1
    # The bridge identity holds on our side too.
    assert total[M] == total[M - 1] + sum(movement.values())

    summary = rows_by_label(book["Summary"])
    assert cents(summary["MRR"][1]) == total[M], (cents(summary["MRR"][1]), total[M])
    assert cents(summary["MRR"][2]) == total[M - 1]
    assert_fraction(summary["Logo churn"][1], Fraction(churned, customers_before))
    base = total[M - 1]
    assert_fraction(summary["Gross revenue retention (GRR)"][1],
                    Fraction(base + movement["contraction"] + movement["churn"], base))
    assert_fraction(summary["Net revenue retention (NRR)"][1],
                    Fraction(base + movement["expansion"] + movement["contraction"]
                             + movement["churn"], base))

    revenue = book["Revenue"]
    last = next(row for row in revenue.iter_rows()
                if isinstance(row[0].value, datetime.datetime)
                and row[0].value.date() == first_day(M))
    assert cents(last[1]) == total[M]
    for column, key in enumerate(("new", "reactivation", "expansion", "contraction", "churn"),
                                 start=2):
        assert cents(last[column]) == movement[key], (key, cents(last[column]), movement[key])
    assert movement["new"] > 0 and movement["churn"] < 0 and movement["expansion"] > 0


@check("NPS and its counts (METRICS.md section 5)")
def _():
    scores = [score for (score,) in db.execute(
        "SELECT score FROM response WHERE kind = 'nps' AND answered_on >= ? AND answered_on < ?",
        (first_day(M).isoformat(), first_day(M + 1).isoformat()))]
    promoters = sum(s >= 9 for s in scores)
    passives = sum(7 <= s <= 8 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    nps = Fraction(100 * (promoters - detractors), len(scores))
    assert_fraction(rows_by_label(book["Summary"])["NPS"][1], nps)
    satisfaction = rows_by_label(book["Satisfaction"])
    assert satisfaction["Promoters (9–10)"][1].value == promoters
    assert satisfaction["Passives (7–8)"][1].value == passives
    assert satisfaction["Detractors (0–6)"][1].value == detractors
    assert_fraction(satisfaction["NPS"][1], nps)


def health_scores():
    """METRICS.md section 7, exactly (fractions): the score of every customer of M."""
    end = first_day(M + 1)
    weights = {key: Fraction(value) for key, value in db.execute(
        "SELECT key, value FROM workspace WHERE key LIKE 'health_weight_%'")}
    sessions = collections.defaultdict(set)
    jobs = collections.Counter()
    for account, at, kind in db.execute(
            "SELECT account_id, at, kind FROM event WHERE at >= ? AND at < ?",
            ((end - datetime.timedelta(days=30)).isoformat(), end.isoformat())):
        if kind == "session":
            sessions[account].add(at[:10])
        elif kind == "job_completed":
            jobs[account] += 1
    latest = {}
    for account, score in db.execute(
            "SELECT account_id, score FROM response WHERE kind = 'nps' AND account_id IS NOT NULL "
            "AND answered_on >= ? AND answered_on < ? ORDER BY answered_on, id",
            ((end - datetime.timedelta(days=180)).isoformat(), end.isoformat())):
        latest[account] = score
    tickets = collections.defaultdict(lambda: [0, 0])
    for account, category in db.execute(
            "SELECT account_id, category FROM ticket WHERE opened_at >= ? AND opened_at < ?",
            ((end - datetime.timedelta(days=90)).isoformat(), end.isoformat())):
        tickets[account][0] += category == "strategic"
        tickets[account][1] += 1

    scores = {}
    for account in accounts:
        now, before = mrr(account, M), mrr(account, M - 3)
        if now <= 0:
            continue
        strategic, total = tickets.get(account, (0, 0))
        components = {
            "usage": min(Fraction(1), Fraction(len(sessions[account]), 15)),
            "jobs": min(Fraction(1), Fraction(jobs[account], 4)),
            "sentiment": Fraction(latest[account], 10) if account in latest else Fraction(1, 2),
            "support": Fraction(strategic, total) if total else Fraction(1, 2),
            "trend": (Fraction(1, 2) if before <= 0 else
                      Fraction(1) if now > before else
                      Fraction(1, 2) if now == before else Fraction(0)),
        }
        weighted = sum(weights["health_weight_" + key] * value
                       for key, value in components.items())
        scores[account] = math.floor(100 * weighted / sum(weights.values()) + Fraction(1, 2))
    return scores


@check("accounts at risk: the red count and the list's accounts, owners, scores and bands")
def _():
    scores = health_scores()
    red = {a for a, s in scores.items() if s < 40}
    amber = {a for a, s in scores.items() if 40 <= s < 70}
    summary = rows_by_label(book["Summary"])
    assert summary["Accounts at risk (red)"][1].value == len(red), \
        (summary["Accounts at risk (red)"][1].value, len(red))

    expected = sorted((accounts[a][0], accounts[a][2], scores[a], "red" if a in red else "amber")
                      for a in red | amber)
    listed = sorted((row[0].value, row[2].value, row[6].value, row[7].value)
                    for row in book["Accounts at risk"].iter_rows(min_row=5) if row[0].value)
    assert listed == expected, (len(listed), len(expected),
                                set(listed) ^ set(expected))
    owners = collections.Counter(accounts[a][2] for a in red)
    assert owners == collections.Counter(o for _, o, _, band in listed if band == "red")
    assert len(red) > 10 and len(owners) > 2


@check("a cohort cell: logo and revenue retention of 2025-11 at M+6 (section 4)")
def _():
    cohort = M - 11
    members = [a for a in accounts if first_paid(a) == cohort]
    logo = Fraction(sum(mrr(a, cohort + 6) > 0 for a in members), len(members))
    revenue = Fraction(sum(mrr(a, cohort + 6) for a in members),
                       sum(mrr(a, cohort) for a in members))
    rows = [row for row in book["Cohorts"].iter_rows()
            if isinstance(row[0].value, datetime.datetime)
            and row[0].value.date() == first_day(cohort)]
    assert len(rows) == 2, rows
    logo_row, revenue_row = rows
    assert logo_row[1].value == len(members)
    # Column D is M+0.
    assert_fraction(logo_row[3 + 6], logo)
    assert_fraction(revenue_row[3 + 6], revenue)
    assert logo < 1 and revenue != 1


def signup_moment(account):
    signup_date = accounts[account][4]
    if signup_date:
        return moment(signup_date)
    starts = [start for start, in db.execute(
        "SELECT start_date FROM subscription WHERE account_id = ?", (account,))]
    return moment(min(starts)) if starts else None


@check("TAJ bucket counts: sign-ups of M-3..M-1 by jobs done in 30 days (section 6)")
def _():
    cohort = {}
    for account in accounts:
        signup = signup_moment(account)
        if signup is not None and M - 3 <= signup.year * 12 + signup.month - 1 <= M - 1:
            cohort[account] = signup
    taj = collections.Counter()
    for account, at in db.execute("SELECT account_id, at FROM event WHERE kind = 'job_completed'"):
        if account in cohort and \
                cohort[account] <= moment(at) < cohort[account] + datetime.timedelta(days=30):
            taj[account] += 1
    buckets = [sum(taj[a] == 0 for a in cohort), sum(1 <= taj[a] <= 3 for a in cohort),
               sum(taj[a] >= 4 for a in cohort)]
    jobs = book["Jobs & onboarding"]
    assert [jobs.cell(row, 2).value for row in (5, 6, 7)] == buckets, buckets
    assert all(buckets)


@check("scenario funnels: each step's share of the enrolments of M-2..M (section 6)")
def _():
    start, end = first_day(M - 2).isoformat(), first_day(M + 1).isoformat()
    jobs = [row for row in book["Jobs & onboarding"].iter_rows()
            if isinstance(row[0].value, str)]
    checked = 0
    for scenario_id, name in db.execute("SELECT id, name FROM scenario ORDER BY name"):
        enrolled = dict(db.execute(
            "SELECT account_id, started_on FROM enrolment "
            "WHERE scenario_id = ? AND started_on >= ? AND started_on < ?",
            (scenario_id, start, end)).fetchall())
        header = next(i for i, row in enumerate(jobs) if row[0].value.startswith(name + " — "))
        for position, step_id, title, kind, job in db.execute(
                "SELECT position, id, title, done_when_event_kind, done_when_job_id FROM step "
                "WHERE scenario_id = ? ORDER BY position", (scenario_id,)).fetchall():
            done = set()
            for account, started_on in enrolled.items():
                marked = db.execute("SELECT 1 FROM step_done WHERE account_id = ? AND step_id = ? "
                                    "AND done_on < ?", (account, step_id, end)).fetchone()
                by_event = kind is not None and db.execute(
                    "SELECT 1 FROM event WHERE account_id = ? AND kind = ? "
                    "AND (? IS NULL OR job_id = ?) AND at >= ? AND at < ?",
                    (account, kind, job, job, started_on, end)).fetchone()
                if marked or by_event:
                    done.add(account)
            row = next(row for row in jobs[header + 1:]
                       if row[0].value.startswith("%d. %s — " % (position, title)))
            assert row[1].value == len(done), (name, position, row[1].value, len(done))
            assert_fraction(row[2], Fraction(len(done), len(enrolled)))
            checked += 1
    assert checked >= 5, checked


db.close()
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(finish())
