/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo company's catalogue: segments, plans, channels, jobs, questions, scenarios. */

#define G_LOG_DOMAIN "tenure-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-demo-private.h"

/* Names stay in English in the data, as a CSV import would bring them; the comments and
 * the company names mix French and English customers. */

const char * const demo_segment_names[N_SEGMENTS] = { "SMB", "Mid-market", "Enterprise" };
const double demo_segment_weights[N_SEGMENTS] = { 0.55, 0.30, 0.15 };
const double demo_segment_engagement[N_SEGMENTS] = { -0.10, 0.05, 0.20 };
const double demo_segment_hazard[N_SEGMENTS] = { 1.15, 0.90, 0.70 };

const char * const demo_plan_names[N_PLANS] = { "Essentials", "Pro", "Business", "Enterprise" };

/* Monthly list prices in cents; 0 where the plan is not sold to the segment. */
const gint64 demo_plan_prices[N_SEGMENTS][N_PLANS] = {
  { 14900, 34900, 79000, 0 },
  { 0, 44900, 99000, 249000 },
  { 0, 0, 149000, 490000 },
};
const double demo_plan_weights[N_SEGMENTS][N_PLANS] = {
  { 0.55, 0.35, 0.10, 0.00 },
  { 0.00, 0.35, 0.50, 0.15 },
  { 0.00, 0.00, 0.35, 0.65 },
};

/* Marketing costs what it costs in B2B software: a customer pays its acquisition back in
 * 6 to 20 months. Content and partners bring engaged customers cheaply, paid ads cost
 * more for weaker ones, events and outbound are the dear way to Enterprise customers.
 * About 1 to 3 leads in 100 sign up (a lead costs 100 to 400 EUR); referrals cost nothing. */
const DemoChannel demo_channels[N_CHANNELS] = {
  { "ads",      0.24, -0.30, 1480000,  60000, 0.013 },
  { "content",  0.21,  0.10,  960000, 250000, 0.012 },
  { "events",   0.11,  0.00, 2050000, 300000, 0.017 },
  { "partners", 0.14,  0.20, 1150000,      0, 0.030 },
  { "referral", 0.13,  0.50,       0,      0, 0.250 },
  { "outbound", 0.17, -0.20, 1780000, 150000, 0.013 },
};

/* Customer success managers, by segment they mostly look after. */
const char * const demo_owners[N_OWNERS] = {
  "Camille", "Hugo", "Sophie", "Thomas", "Inès", "Nicolas",
};
const guint demo_owner_by_segment[N_SEGMENTS][2] = { { 4, 5 }, { 2, 3 }, { 0, 1 } };

static const char * const surnames[] = {
  "Roux", "Durand", "Lefèvre", "Moreau", "Girard", "Lambert", "Fontaine", "Mercier",
  "Bonnet", "Dupont", "Garnier", "Chevalier", "Faure", "Rousseau", "Blanc", "Guérin",
  "Muller", "Perrin", "Morel", "Marchand", "Dumas", "Lemoine", "Renaud", "Caron",
  "Picard", "Barbier", "Arnaud", "Martel", "Brunet", "Vidal",
};
static const char * const french_prefixes[] = {
  "Cabinet", "Atelier", "Transports", "Clinique", "Pharmacie", "Maison", "Imprimerie",
  "Laboratoires", "Menuiserie", "Agence", "Étude", "Garage", "Fromagerie", "Studio",
};
static const char * const french_suffixes[] = {
  "& Fils", "Associés", "Conseil", "Industrie", "Distribution", "Avocats", "Bâtiment",
};
static const char * const english_stems[] = {
  "Northwind", "Bluewater", "Redstone", "Harbor", "Summit", "Oakridge", "Silverline",
  "Brightwave", "Ironbridge", "Greenfield", "Westbrook", "Clearwater", "Stonegate",
  "Fairview", "Kingsley", "Lakeside", "Highland", "Riverside",
};
static const char * const english_sectors[] = {
  "Logistics", "Health", "Legal", "Foods", "Partners", "Engineering", "Systems",
  "Analytics", "Retail", "Energy", "Capital", "Manufacturing", "Consulting", "Labs",
};

const DemoJob demo_jobs[N_JOBS] = {
  { "Prepare a meeting with the CIO",
    "Turn the open vulnerabilities and the progress since last time into a one-page "
    "briefing for the CIO.", 0.24 },
  { "Generate the monthly IT audit report",
    "Produce the monthly report of scans, findings and fixes for the IT audit file.", 0.30 },
  { "Identify critical vulnerabilities before the steering committee",
    "List the critical findings, their owners and their deadlines before the committee.",
    0.22 },
  { "Onboard a new site",
    "Add a new office or plant: inventory its assets and run its first scan.", 0.09 },
  { "Answer a security questionnaire",
    "Fill in a customer's or an insurer's security questionnaire with evidence.", 0.15 },
};

/* Every question has four options: option o of question q has id q * 4 + o + 1. */
const DemoQuestion demo_questions[N_QUESTIONS] = {
  { "What do you use today to follow your vulnerabilities?", FALSE,
    { { "Nothing formal yet", 0 }, { "Our own scripts", 1 },
      { "A scanner, without follow-up", 2 }, { "Spreadsheets", 3 } } },
  { "How urgent is it for you?", FALSE,
    { { "An audit or a committee within a month", 5 }, { "Within this quarter", 3 },
      { "Sometime this year", 1 }, { "We are just looking", 0 } } },
  { "How many people will use Sentinelle?", FALSE,
    { { "Just me", 0 }, { "2 to 5", 2 }, { "6 to 20", 3 }, { "More than 20", 2 } } },
  { "Who asked for a vulnerability management tool?", FALSE,
    { { "Our CIO or CISO", 4 }, { "An auditor or a customer", 3 }, { "The IT team", 2 },
      { "Nobody yet", 0 } } },
  { "Which reports will you need?", TRUE,
    { { "Monthly IT audit report", 2 }, { "Briefing for the CIO or the board", 2 },
      { "Compliance evidence (ISO 27001, NIS2)", 3 }, { "None for now", 0 } } },
};

const DemoScenario demo_scenarios[N_SCENARIOS] = {
  { "Prepare a meeting with your CIO", 0,
    "For IT managers who brief their CIO: from the first scan to a one-page risk briefing "
    "in ten days.",
    { { "content", "What your CIO wants to see",
        "A short guide to the five figures CIOs ask for: exposure, critical vulnerabilities, "
        "time to fix, progress since the last meeting and the decisions needed.",
        0, TRUE, "session", -1 },
      { "automation", "Connect your asset inventory",
        "Import your servers and workstations, or connect your directory, so that every "
        "machine that matters is scanned.", 1, TRUE, "action", -1 },
      { "tutorial", "Run your first vulnerability scan",
        "Launch a scan on one site and read its results by severity.", 3, TRUE,
        "feature_used", -1 },
      { "checkin", "Check-in call with your customer success manager",
        "Fifteen minutes to go through the first results and plan the CIO briefing.",
        7, FALSE, NULL, -1 },
      { "tutorial", "Build your CIO briefing",
        "Turn the scan results into the one-page briefing: top risks, trend and the "
        "decisions you need.", 10, TRUE, "job_completed", 0 },
      { "checkin", "How did the meeting go?",
        "Ask what the CIO thought of the briefing and what they asked for next.",
        30, FALSE, NULL, -1 } },
    6 },
  { "Generate your monthly IT audit report", 1,
    "For teams that must show an auditor their monthly follow-up: scheduled scans, "
    "assigned findings and a first report within the month.",
    { { "content", "What goes into a monthly IT audit report",
        "The sections auditors expect, with an example report from a company of your size.",
        0, TRUE, "session", -1 },
      { "automation", "Schedule the monthly scan of every site",
        "One scan per site on the first Monday of the month, with results e-mailed to "
        "the IT team.", 2, TRUE, "action", -1 },
      { "tutorial", "Review and assign the critical findings",
        "Give every critical finding an owner and a deadline, so the report shows progress.",
        5, TRUE, "feature_used", -1 },
      { "automation", "Generate your first audit report",
        "Produce the report from this month's scans and save it in your audit file.",
        14, TRUE, "job_completed", 1 },
      { "checkin", "Review the report with your customer success manager",
        "Half an hour to check the report against what your auditor expects.",
        28, FALSE, NULL, -1 } },
    5 },
};

const char * const demo_comments_promoter[N_COMMENTS_PROMOTER] = {
  "Exactly what we needed for our CIO meetings.",
  "Le rapport d’audit mensuel nous fait gagner deux jours.",
  "Great support team, very responsive.",
  "Simple à déployer sur tous nos sites.",
  "Indispensable avant chaque comité de pilotage.",
  "Our auditor loved the monthly report.",
};
const char * const demo_comments_passive[N_COMMENTS_PASSIVE] = {
  "Good tool, the reports could be easier to customise.",
  "Bien, mais l’import des actifs reste fastidieux.",
  "Does the job, a bit expensive for us.",
  "Correct, on attend l’intégration avec notre SIEM.",
};
const char * const demo_comments_detractor[N_COMMENTS_DETRACTOR] = {
  "We still build the reports by hand.",
  "Trop d’alertes, on ne sait pas par où commencer.",
  "Hard to get the team to use it.",
  "Le support met trop de temps à répondre.",
  "Too expensive for what we use.",
};

/* Static tables: workspace settings, lineage, jobs, questions, scenarios, steps. */
gboolean
tenure_demo_insert_catalogue (Demo    *demo,
                              GError **error)
{
  g_autofree char *descriptor = NULL;
  g_autofree char *sha256 = NULL;
  char imported_at[TENURE_TIMESTAMP_BUF];
  sqlite3_stmt *stmt;
  int rc;

  if (!tenure_db_set_setting (demo->db, "company_name", "Sentinelle Cyber", error) ||
      !tenure_db_set_setting (demo->db, "currency", "EUR", error))
    return FALSE;

  /* The lineage row is dated from the data, never from the clock. */
  descriptor = g_strdup_printf ("tenure-demo seed=%" G_GUINT64_FORMAT " accounts=%u "
                                "months=%d end=%d", demo->seed, demo->accounts,
                                demo->last_month - demo->first_month + 1, demo->last_month);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, descriptor, -1);
  tenure_timestamp_format ((gint64) demo->end_day * SECONDS_PER_DAY + 6 * 3600, imported_at);
  stmt = tenure_db_prepare (demo->db,
                            "INSERT INTO import (id, kind, file_name, sha256, rows, imported_at) "
                            "VALUES (1, 'demo', 'Sentinelle Cyber (demo)', ?, 0, ?)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, imported_at, -1, SQLITE_STATIC);
  if (!tenure_demo_finish_insert (demo, stmt, rc, error))
    return FALSE;

  stmt = tenure_db_prepare (demo->db,
                            "INSERT INTO job (id, name, description) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint j = 0; j < N_JOBS; j++)
    {
      rc = sqlite3_bind_int64 (stmt, 1, j + 1);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, demo_jobs[j].name, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, demo_jobs[j].description, -1,
                                                     SQLITE_STATIC);
      if (!tenure_demo_finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      stmt = tenure_db_prepare (demo->db,
                                "INSERT INTO question (id, position, text, kind, active) "
                                "VALUES (?, ?, ?, ?, 1)", error);
      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_bind_int64 (stmt, 1, q + 1);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 2, (int) q + 1);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, demo_questions[q].text, -1,
                                                     SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc
                           : sqlite3_bind_text (stmt, 4,
                                                demo_questions[q].multiple ? "multiple" : "single",
                                                -1, SQLITE_STATIC);
      if (!tenure_demo_finish_insert (demo, stmt, rc, error))
        return FALSE;

      stmt = tenure_db_prepare (demo->db,
                                "INSERT INTO option (id, question_id, position, text, points) "
                                "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      for (guint o = 0; o < OPTIONS_PER_QUESTION; o++)
        {
          rc = sqlite3_bind_int64 (stmt, 1, q * OPTIONS_PER_QUESTION + o + 1);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 2, q + 1);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 3, (int) o + 1);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4, demo_questions[q].options[o].text,
                                                         -1, SQLITE_STATIC);
          rc = rc != SQLITE_OK ? rc
                               : sqlite3_bind_int (stmt, 5, demo_questions[q].options[o].points);
          if (!tenure_demo_finish_insert (demo, stmt, rc, error))
            return FALSE;
        }
    }

  for (guint s = 0, step_id = 1; s < N_SCENARIOS; s++)
    {
      const DemoScenario *scenario = &demo_scenarios[s];

      stmt = tenure_db_prepare (demo->db,
                                "INSERT INTO scenario (id, name, job_id, description, active) "
                                "VALUES (?, ?, ?, ?, 1)", error);
      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_bind_int64 (stmt, 1, s + 1);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, scenario->name, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 3, scenario->job + 1);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4, scenario->description, -1,
                                                     SQLITE_STATIC);
      if (!tenure_demo_finish_insert (demo, stmt, rc, error))
        return FALSE;

      stmt = tenure_db_prepare (demo->db,
                                "INSERT INTO step (id, scenario_id, position, kind, title, body, "
                                "day_offset, required, done_when_event_kind, done_when_job_id) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < scenario->n_steps; i++, step_id++)
        {
          const DemoStep *step = &scenario->steps[i];

          rc = sqlite3_bind_int64 (stmt, 1, step_id);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 2, s + 1);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 3, (int) i + 1);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4, step->kind, -1, SQLITE_STATIC);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 5, step->title, -1, SQLITE_STATIC);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 6, step->body, -1, SQLITE_STATIC);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 7, step->day_offset);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 8, step->required);
          rc = rc != SQLITE_OK ? rc : tenure_demo_bind_text_or_null (stmt, 9, step->done_when_kind);
          if (rc == SQLITE_OK)
            rc = step->done_when_job >= 0 ? sqlite3_bind_int (stmt, 10, step->done_when_job + 1)
                                          : sqlite3_bind_null (stmt, 10);
          if (!tenure_demo_finish_insert (demo, stmt, rc, error))
            return FALSE;
        }
    }

  return TRUE;
}

guint
tenure_demo_first_step_id (guint scenario)
{
  guint id = 1;

  for (guint s = 0; s < scenario; s++)
    id += demo_scenarios[s].n_steps;

  return id;
}

char *
tenure_demo_company_name (Rng   *rng,
                          guint  segment)
{
  const char *surname = surnames[rng_below (rng, G_N_ELEMENTS (surnames))];

  if (rng_chance (rng, 0.55))
    {
      if (segment == SEGMENT_ENTERPRISE && rng_chance (rng, 0.6))
        return rng_chance (rng, 0.5) ? g_strdup_printf ("Groupe %s", surname)
                                     : g_strdup_printf ("%s Industries", surname);
      if (rng_chance (rng, 0.65))
        return g_strdup_printf ("%s %s",
                                french_prefixes[rng_below (rng, G_N_ELEMENTS (french_prefixes))],
                                surname);
      return g_strdup_printf ("%s %s", surname,
                              french_suffixes[rng_below (rng, G_N_ELEMENTS (french_suffixes))]);
    }

  return g_strdup_printf ("%s %s", english_stems[rng_below (rng, G_N_ELEMENTS (english_stems))],
                          english_sectors[rng_below (rng, G_N_ELEMENTS (english_sectors))]);
}
