/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Generates the demo company, Sentinelle Cyber, from a seed: every table, every value. */

#define G_LOG_DOMAIN "tenure-demo"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tenure-date.h"
#include "tenure-demo.h"

/*
 * How the story is built: every account first gets a latent engagement between 0 and 1
 * (from its channel, segment, onboarding and chance). Everything else is drawn from it
 * with the account's own random stream: the answers at signup, the 48-hour signal, the
 * jobs completed in the first 30 days (TAJ), then the monthly churn hazard, which the
 * TAJ, the signal, the qualification score, the segment and the retention initiative
 * move. Usage, survey scores and tickets are drawn last, and fade in the four months
 * before a churn, so that a health score sees churn coming.
 */

#define ACCOUNTS_PER_BATCH 250
#define MAX_SUBSCRIPTIONS  24
#define MAX_RUNS           4
#define MAX_ANSWERS        16
#define SECONDS_PER_DAY    86400

G_DEFINE_QUARK (tenure-demo-error-quark, tenure_demo_error)

/* xoshiro256** seeded through splitmix64 (Blackman and Vigna), so that the same seed
 * gives the same company on every machine, whatever GLib or libc do. */
typedef struct
{
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed,
          guint64  stream)
{
  guint64 state = seed ^ (stream * G_GUINT64_CONSTANT (0xd1b54a32d192ed03));

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* Uniform in [0, 1). */
static double
rng_double (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n). */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (((rng_next (rng) >> 32) * n) >> 32);
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

static double
rng_normal (Rng *rng)
{
  double u = 1.0 - rng_double (rng);
  double v = rng_double (rng);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static guint
rng_poisson (Rng    *rng,
             double  lambda)
{
  double limit = exp (-lambda);
  double product = rng_double (rng);
  guint count = 0;

  if (lambda <= 0.0)
    return 0;
  while (product > limit && count < 200)
    {
      product *= rng_double (rng);
      count++;
    }

  return count;
}

static guint
rng_weighted (Rng          *rng,
              const double *weights,
              guint         n)
{
  double total = 0.0;
  double pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = rng_double (rng) * total;
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }

  return n - 1;
}

/* The company's catalogue. Names stay in English in the data, as a CSV import would
 * bring them; the comments and company names mix French and English customers. */

enum { SEGMENT_SMB, SEGMENT_MID, SEGMENT_ENTERPRISE, N_SEGMENTS };

static const char * const segment_names[N_SEGMENTS] = { "SMB", "Mid-market", "Enterprise" };
static const double segment_weights[N_SEGMENTS] = { 0.55, 0.30, 0.15 };
static const double segment_engagement[N_SEGMENTS] = { -0.10, 0.05, 0.20 };
static const double segment_hazard[N_SEGMENTS] = { 1.15, 0.90, 0.70 };

enum { N_PLANS = 4 };

static const char * const plan_names[N_PLANS] = { "Essentials", "Pro", "Business", "Enterprise" };

/* Monthly list prices in cents; 0 where the plan is not sold to the segment. */
static const gint64 plan_prices[N_SEGMENTS][N_PLANS] = {
  { 14900, 34900, 79000, 0 },
  { 0, 44900, 99000, 249000 },
  { 0, 0, 149000, 490000 },
};
static const double plan_weights[N_SEGMENTS][N_PLANS] = {
  { 0.55, 0.35, 0.10, 0.00 },
  { 0.00, 0.35, 0.50, 0.15 },
  { 0.00, 0.00, 0.35, 0.65 },
};

typedef struct
{
  const char *name;
  double      weight;
  double      engagement;      /* shift of the latent engagement, in logit units */
  gint64      cac_cents;       /* marketing spend per signup */
  gint64      fixed_cents;     /* monthly spend that does not depend on signups */
  double      conversion;      /* signups per lead */
} DemoChannel;

static const DemoChannel channels[] = {
  { "ads",      0.24, -0.30, 240000, 60000, 0.06 },
  { "content",  0.21,  0.10,  90000, 150000, 0.04 },
  { "events",   0.11,  0.00, 380000, 0, 0.15 },
  { "partners", 0.14,  0.20, 170000, 0, 0.22 },
  { "referral", 0.13,  0.50, 0, 0, 0.40 },
  { "outbound", 0.17, -0.20, 290000, 80000, 0.03 },
};
#define N_CHANNELS G_N_ELEMENTS (channels)

/* Customer success managers, by segment they mostly look after. */
static const char * const owners[] = { "Camille", "Hugo", "Sophie", "Thomas", "Inès", "Nicolas" };
static const guint owner_by_segment[N_SEGMENTS][2] = { { 4, 5 }, { 2, 3 }, { 0, 1 } };

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

typedef struct
{
  const char *name;
  const char *description;
  double      weight;
} DemoJob;

static const DemoJob jobs[] = {
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
#define N_JOBS G_N_ELEMENTS (jobs)

typedef struct
{
  const char *text;
  int         points;
} DemoOption;

typedef struct
{
  const char *text;
  gboolean    multiple;
  DemoOption  options[4];
} DemoQuestion;

/* Every question has four options: option o of question q has id q * 4 + o + 1. */
static const DemoQuestion questions[] = {
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
#define N_QUESTIONS G_N_ELEMENTS (questions)
#define OPTIONS_PER_QUESTION 4

typedef struct
{
  const char *kind;
  const char *title;
  const char *body;
  int         day_offset;
  gboolean    required;
  const char *done_when_kind;   /* NULL: only a step_done row completes it */
  int         done_when_job;    /* index in jobs[], or -1 */
} DemoStep;

typedef struct
{
  const char *name;
  int         job;
  const char *description;
  DemoStep    steps[6];
  guint       n_steps;
} DemoScenario;

static const DemoScenario scenarios[] = {
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
#define N_SCENARIOS G_N_ELEMENTS (scenarios)

static const char * const comments_promoter[] = {
  "Exactly what we needed for our CIO meetings.",
  "Le rapport d’audit mensuel nous fait gagner deux jours.",
  "Great support team, very responsive.",
  "Simple à déployer sur tous nos sites.",
  "Indispensable avant chaque comité de pilotage.",
  "Our auditor loved the monthly report.",
};
static const char * const comments_passive[] = {
  "Good tool, the reports could be easier to customise.",
  "Bien, mais l’import des actifs reste fastidieux.",
  "Does the job, a bit expensive for us.",
  "Correct, on attend l’intégration avec notre SIEM.",
};
static const char * const comments_detractor[] = {
  "We still build the reports by hand.",
  "Trop d’alertes, on ne sait pas par où commencer.",
  "Hard to get the team to use it.",
  "Le support met trop de temps à répondre.",
  "Too expensive for what we use.",
};

typedef struct
{
  TenureDb     *db;
  guint64       seed;
  guint         accounts;
  int           first_month;
  int           last_month;
  gint32        first_day;
  gint32        end_day;             /* first day after the data */
  double        scale;               /* accounts / 600: money that grows with the company */
  int           second_scenario_month;
  int           reviews_first;       /* the retention initiative that paid off */
  int           reviews_last;
  int           discount_first;      /* the one that did not */
  int           discount_last;
  guint        *signups;             /* [month offset * N_CHANNELS + channel] */
  guint         subscription_serial;
  gint64        rows;
  sqlite3_stmt *insert_account;
  sqlite3_stmt *insert_subscription;
  sqlite3_stmt *insert_event;
  sqlite3_stmt *insert_response;
  sqlite3_stmt *insert_ticket;
  sqlite3_stmt *insert_answer;
  sqlite3_stmt *insert_enrolment;
  sqlite3_stmt *insert_step_done;
} Demo;

typedef struct
{
  gint32 start;
  gint32 end;           /* G_MAXINT32 while it runs */
  gint64 mrr_cents;
  guint  plan;
} DemoSubscription;

/* A stretch of time during which the account uses the product: from signup (or
 * reactivation) to churn (or the end of the data). */
typedef struct
{
  gint32   start;
  gint32   end;
  gboolean churned;
} DemoRun;

typedef struct
{
  Rng              rng;
  gint64           id;
  guint            segment;
  guint            plan;
  guint            channel;
  double           engagement;
  double           size;          /* seats: price multiplier for larger customers */
  double           discount;
  guint            users;
  gint32           signup;
  int              scenario;      /* -1: not enrolled */
  gboolean         signal48h;
  guint            taj;
  int              qualification; /* -1: did not answer */
  guint            answers[MAX_ANSWERS];
  guint            n_answers;
  DemoSubscription subscriptions[MAX_SUBSCRIPTIONS];
  guint            n_subscriptions;
  DemoRun          runs[MAX_RUNS];
  guint            n_runs;
} DemoAccount;

static gboolean
finish_insert (Demo          *demo,
               sqlite3_stmt  *stmt,
               int            rc,
               GError       **error)
{
  if (rc != SQLITE_OK)
    {
      sqlite3_reset (stmt);
      return tenure_db_set_error (demo->db, rc, error);
    }
  if (!tenure_db_step_done (demo->db, stmt, error))
    return FALSE;

  demo->rows++;
  return TRUE;
}

static int
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, column);

  return sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

static gint64
round_euros (double cents)
{
  return (gint64) floor (cents / 100.0 + 0.5) * 100;
}

static double
logistic (double x)
{
  return 1.0 / (1.0 + exp (-x));
}

/* Moves a weekend day to the Friday before or the Monday after, most of the time. */
static gint32
working_day (Rng    *rng,
             gint32  day)
{
  int weekday = (int) ((day + 3) % 7);   /* 0 is Monday: 1970-01-01 was a Thursday */

  if (weekday < 5 || rng_chance (rng, 0.15))
    return day;

  return weekday == 5 ? day - 1 : day + 1;
}

/* A time of day in office hours (Paris), in seconds. */
static gint64
office_seconds (Rng *rng)
{
  return (gint64) (7 + rng_below (rng, 10)) * 3600 + rng_below (rng, 3600);
}

static void
format_date (gint32 day,
             char   buf[TENURE_DATE_BUF])
{
  tenure_date_format (day, buf);
}

/* Static tables: workspace settings, lineage, jobs, questions, scenarios, steps. */
static gboolean
insert_catalogue (Demo    *demo,
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
  if (!finish_insert (demo, stmt, rc, error))
    return FALSE;

  stmt = tenure_db_prepare (demo->db,
                            "INSERT INTO job (id, name, description) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint j = 0; j < N_JOBS; j++)
    {
      rc = sqlite3_bind_int64 (stmt, 1, j + 1);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, jobs[j].name, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, jobs[j].description, -1,
                                                     SQLITE_STATIC);
      if (!finish_insert (demo, stmt, rc, error))
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
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, questions[q].text, -1,
                                                     SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4,
                                                     questions[q].multiple ? "multiple" : "single",
                                                     -1, SQLITE_STATIC);
      if (!finish_insert (demo, stmt, rc, error))
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
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4, questions[q].options[o].text,
                                                         -1, SQLITE_STATIC);
          rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 5, questions[q].options[o].points);
          if (!finish_insert (demo, stmt, rc, error))
            return FALSE;
        }
    }

  for (guint s = 0, step_id = 1; s < N_SCENARIOS; s++)
    {
      const DemoScenario *scenario = &scenarios[s];

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
      if (!finish_insert (demo, stmt, rc, error))
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
          rc = rc != SQLITE_OK ? rc : bind_text_or_null (stmt, 9, step->done_when_kind);
          if (rc == SQLITE_OK)
            rc = step->done_when_job >= 0 ? sqlite3_bind_int (stmt, 10, step->done_when_job + 1)
                                          : sqlite3_bind_null (stmt, 10);
          if (!finish_insert (demo, stmt, rc, error))
            return FALSE;
        }
    }

  return TRUE;
}

static guint
first_step_id (guint scenario)
{
  guint id = 1;

  for (guint s = 0; s < scenario; s++)
    id += scenarios[s].n_steps;

  return id;
}

static char *
make_company_name (Rng   *rng,
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

static gint64
plan_price (const DemoAccount *account,
            guint              plan)
{
  return round_euros ((double) plan_prices[account->segment][plan] * account->discount *
                      account->size);
}

/* The answers at signup: options worth more points are likelier for engaged accounts. */
static void
draw_answers (DemoAccount *account)
{
  Rng *rng = &account->rng;
  double tilt = 1.1 * (account->engagement - 0.5);

  account->qualification = -1;
  account->n_answers = 0;
  if (!rng_chance (rng, 0.85))
    return;

  account->qualification = 0;
  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      const DemoQuestion *question = &questions[q];
      double weights[OPTIONS_PER_QUESTION];

      if (question->multiple)
        {
          guint before = account->n_answers;

          for (guint o = 0; o + 1 < OPTIONS_PER_QUESTION; o++)
            if (rng_chance (rng, logistic (-0.6 + 2.0 * tilt * question->options[o].points)))
              {
                account->answers[account->n_answers++] = q * OPTIONS_PER_QUESTION + o + 1;
                account->qualification += question->options[o].points;
              }
          if (account->n_answers == before)
            account->answers[account->n_answers++] = q * OPTIONS_PER_QUESTION + OPTIONS_PER_QUESTION;
          continue;
        }

      for (guint o = 0; o < OPTIONS_PER_QUESTION; o++)
        weights[o] = exp (2.0 * tilt * question->options[o].points);
      /* Team size follows the segment more than the engagement. */
      if (q == 2)
        {
          static const double by_segment[N_SEGMENTS][OPTIONS_PER_QUESTION] = {
            { 1.0, 1.2, 0.3, 0.05 }, { 0.2, 1.0, 1.0, 0.3 }, { 0.05, 0.4, 1.0, 1.0 },
          };

          for (guint o = 0; o < OPTIONS_PER_QUESTION; o++)
            weights[o] *= by_segment[account->segment][o];
        }
      {
        guint o = rng_weighted (rng, weights, OPTIONS_PER_QUESTION);

        account->answers[account->n_answers++] = q * OPTIONS_PER_QUESTION + o + 1;
        account->qualification += question->options[o].points;
      }
    }
}

static double
monthly_hazard (const Demo        *demo,
                const DemoAccount *account,
                int                month,
                guint              months_paying,
                guint              run)
{
  double hazard = 0.042;

  hazard *= account->taj == 0 ? 1.15 : account->taj <= 3 ? 1.0 : 0.85;
  hazard *= exp (-1.2 * (account->engagement - 0.5));
  hazard *= account->signal48h ? 0.9 : 1.12;
  if (account->qualification >= 0)
    hazard *= exp (-0.05 * (account->qualification - 8));
  hazard *= segment_hazard[account->segment];
  hazard *= months_paying <= 3 ? 1.2 : months_paying <= 12 ? 1.0 : 0.30;
  if (run > 0)
    hazard *= 0.8;
  /* Quarterly business reviews kept Mid-market customers; the discount changed nothing. */
  if (account->segment == SEGMENT_MID && month >= demo->reviews_first &&
      month <= demo->reviews_last)
    hazard *= 0.35;

  return CLAMP (hazard, 0.002, 0.35);
}

static void
open_subscription (DemoAccount *account,
                   gint32       start,
                   gint64       mrr_cents,
                   guint        plan)
{
  DemoSubscription *subscription = &account->subscriptions[account->n_subscriptions++];

  subscription->start = start;
  subscription->end = G_MAXINT32;
  subscription->mrr_cents = mrr_cents;
  subscription->plan = plan;
}

/* A plan change or a change of seats: the running row ends, a new one starts. */
static void
change_subscription (DemoAccount *account,
                     gint32       day,
                     gboolean     up)
{
  Rng *rng = &account->rng;
  DemoSubscription *current = &account->subscriptions[account->n_subscriptions - 1];
  guint plan = current->plan;
  gint64 mrr_cents;

  if (up && plan + 1 < N_PLANS && plan_prices[account->segment][plan + 1] > 0 &&
      rng_chance (rng, 0.45))
    mrr_cents = plan_price (account, ++plan);
  else if (!up && plan > 0 && plan_prices[account->segment][plan - 1] > 0 &&
           rng_chance (rng, 0.35))
    mrr_cents = plan_price (account, --plan);
  else if (up)
    mrr_cents = round_euros ((double) current->mrr_cents * (1.10 + 0.25 * rng_double (rng)));
  else
    mrr_cents = round_euros ((double) current->mrr_cents * (0.70 + 0.20 * rng_double (rng)));

  if (mrr_cents == current->mrr_cents || mrr_cents < 100)
    return;

  current->end = day;
  open_subscription (account, day, mrr_cents, plan);
}

static void
simulate_subscriptions (const Demo  *demo,
                        DemoAccount *account)
{
  Rng *rng = &account->rng;
  gint32 start = account->signup + (rng_chance (rng, 0.55) ? 0 : 1 + (gint32) rng_below (rng, 14));
  double expansion = 0.010 + 0.030 * account->engagement;
  double contraction = 0.004 + 0.012 * (1.0 - account->engagement);
  double reactivation = account->engagement > 0.35 ? 0.16 : 0.06;
  int comeback_month = G_MAXINT;
  guint months_paying = 0;
  gboolean paying;

  account->n_subscriptions = 0;
  account->n_runs = 1;
  account->runs[0].start = account->signup;
  account->runs[0].end = demo->end_day;
  account->runs[0].churned = FALSE;
  if (start >= demo->end_day)
    return;   /* still in trial when the data ends */

  open_subscription (account, start, plan_price (account, account->plan), account->plan);
  paying = TRUE;

  for (int month = tenure_month_of_day (start) + 1; month <= demo->last_month; month++)
    {
      gint32 first = tenure_month_first_day (month);
      guint days = (guint) (tenure_month_first_day (month + 1) - first);

      if (paying)
        {
          DemoRun *run = &account->runs[account->n_runs - 1];

          months_paying++;
          if (rng_chance (rng, monthly_hazard (demo, account, month, months_paying,
                                               account->n_runs - 1)))
            {
              gint32 end = first + (gint32) rng_below (rng, days);

              account->subscriptions[account->n_subscriptions - 1].end = end;
              run->end = end;
              run->churned = TRUE;
              paying = FALSE;
              if (account->n_runs < MAX_RUNS && rng_chance (rng, reactivation))
                comeback_month = month + 2 + (int) rng_below (rng, 9);
              continue;
            }
          if (months_paying >= 2 && account->n_subscriptions + 1 < MAX_SUBSCRIPTIONS)
            {
              if (rng_chance (rng, expansion))
                change_subscription (account, first + (gint32) rng_below (rng, days), TRUE);
              else if (rng_chance (rng, contraction))
                change_subscription (account, first + (gint32) rng_below (rng, days), FALSE);
            }
        }
      else if (month == comeback_month && account->n_subscriptions < MAX_SUBSCRIPTIONS)
        {
          DemoSubscription *last = &account->subscriptions[account->n_subscriptions - 1];
          gint32 day = first + (gint32) rng_below (rng, days);
          DemoRun *run = &account->runs[account->n_runs++];

          open_subscription (account, day, plan_price (account, last->plan), last->plan);
          run->start = day;
          run->end = demo->end_day;
          run->churned = FALSE;
          paying = TRUE;
          months_paying = 0;
        }
    }
}

/* Usage fades over the four months before a churn. */
static double
decline (const DemoAccount *account,
         gint32             day)
{
  for (guint r = 0; r < account->n_runs; r++)
    {
      const DemoRun *run = &account->runs[r];
      gint32 left;

      if (day < run->start || day >= run->end)
        continue;
      if (!run->churned)
        return 1.0;
      left = run->end - day;
      return left >= 120 ? 1.0 : 0.12 + 0.88 * left / 120.0;
    }

  return 0.0;
}

static gboolean
insert_event (Demo         *demo,
              DemoAccount  *account,
              gint64        seconds,
              gint64        limit_seconds,
              const char   *kind,
              int           job,
              GError      **error)
{
  Rng *rng = &account->rng;
  char at[TENURE_TIMESTAMP_BUF];
  char user[16];
  sqlite3_stmt *stmt = demo->insert_event;
  guint user_number;
  int rc;

  user_number = rng_chance (rng, 0.4) ? 1 : 1 + rng_below (rng, account->users);
  if (seconds >= limit_seconds || seconds < (gint64) account->signup * SECONDS_PER_DAY)
    return TRUE;

  tenure_timestamp_format (seconds, at);
  g_snprintf (user, sizeof user, "u%u", user_number);
  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = job >= 0 ? sqlite3_bind_int (stmt, 4, job + 1) : sqlite3_bind_null (stmt, 4);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 5, user, -1, SQLITE_STATIC);

  return finish_insert (demo, stmt, rc, error);
}

static int
pick_job (DemoAccount *account,
          gboolean     onboarding)
{
  double weights[N_JOBS];

  if (onboarding && account->scenario >= 0 && rng_chance (&account->rng, 0.6))
    return scenarios[account->scenario].job;

  for (guint j = 0; j < N_JOBS; j++)
    weights[j] = jobs[j].weight;
  /* Enterprise customers brief their CIO; small ones mostly produce the audit report. */
  if (account->segment == SEGMENT_ENTERPRISE)
    weights[0] *= 1.8;
  else if (account->segment == SEGMENT_SMB)
    weights[1] *= 1.5;

  return (int) rng_weighted (&account->rng, weights, N_JOBS);
}

static gboolean
insert_ticket (Demo         *demo,
               DemoAccount  *account,
               gint32        day,
               gboolean      strategic,
               GError      **error)
{
  char at[TENURE_TIMESTAMP_BUF];
  sqlite3_stmt *stmt = demo->insert_ticket;
  int rc;

  day = working_day (&account->rng, day);
  tenure_timestamp_format ((gint64) day * SECONDS_PER_DAY + office_seconds (&account->rng), at);
  if (day >= demo->end_day || day < account->signup)
    return TRUE;

  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, strategic ? "strategic" : "basic", -1,
                                                 SQLITE_STATIC);

  return finish_insert (demo, stmt, rc, error);
}

/* The first 30 days: the 48-hour signal and the TAJ jobs, placed so that the figures
 * of METRICS.md section 6 find exactly what was drawn. */
static gboolean
generate_first_month (Demo         *demo,
                      DemoAccount  *account,
                      GError      **error)
{
  Rng *rng = &account->rng;
  double e = account->engagement;
  gint64 origin = (gint64) account->signup * SECONDS_PER_DAY;
  gint64 limit = MIN ((gint64) MIN (account->signup + 30, account->runs[0].end),
                      (gint64) demo->end_day) * SECONDS_PER_DAY;
  double quiet = account->signal48h ? 0.0 : 2.0;   /* days without any value event */
  guint sessions = 1 + rng_poisson (rng, 1.0 + 6.0 * pow (e, 1.5));
  guint actions = rng_poisson (rng, 0.5 + 2.5 * e);
  guint features = rng_poisson (rng, 0.3 + 2.0 * e);
  guint strategic = rng_poisson (rng, 0.05 + 0.25 * e);
  guint basic = rng_poisson (rng, 0.35);

  for (guint i = 0; i < sessions; i++)
    {
      double days = i == 0 ? rng_double (rng) * 0.9 : rng_double (rng) * 30.0;

      if (!insert_event (demo, account, origin + (gint64) (days * SECONDS_PER_DAY), limit,
                         "session", -1, error))
        return FALSE;
    }

  if (account->signal48h &&
      !insert_event (demo, account,
                     origin + (gint64) ((0.3 + 1.6 * rng_double (rng)) * SECONDS_PER_DAY), limit,
                     rng_chance (rng, 0.6) ? "action" : "feature_used", -1, error))
    return FALSE;

  for (guint i = 0; i < actions + features; i++)
    {
      double days = quiet + rng_double (rng) * (30.0 - quiet);

      if (!insert_event (demo, account, origin + (gint64) (days * SECONDS_PER_DAY), limit,
                         i < actions ? "action" : "feature_used", -1, error))
        return FALSE;
    }

  if (account->taj > 0)
    {
      /* Engaged accounts reach their first job within days: a fast time to first value. */
      double mean = 1.0 + 14.0 * pow (1.0 - e, 1.5);
      double first = -mean * log (1.0 - rng_double (rng));

      first = CLAMP (first, quiet + 0.1 * rng_double (rng), 29.5);
      for (guint i = 0; i < account->taj; i++)
        {
          double days = i == 0 ? first : first + rng_double (rng) * (29.9 - first);

          if (!insert_event (demo, account, origin + (gint64) (days * SECONDS_PER_DAY), limit,
                             "job_completed", pick_job (account, TRUE), error))
            return FALSE;
        }
    }

  for (guint i = 0; i < strategic + basic; i++)
    if (!insert_ticket (demo, account, account->signup + 1 + (gint32) rng_below (rng, 28),
                        i < strategic, error))
      return FALSE;

  return TRUE;
}

/* One calendar month (or part of it) of usage after the first 30 days. */
static gboolean
generate_window (Demo         *demo,
                 DemoAccount  *account,
                 gint32        from,
                 gint32        to,
                 GError      **error)
{
  Rng *rng = &account->rng;
  double e = account->engagement;
  double share = (to - from) / 30.0;
  double fade = decline (account, from + (to - from) / 2);
  gint64 limit = (gint64) to * SECONDS_PER_DAY;
  guint sessions = rng_poisson (rng, (0.9 + 15.0 * pow (e, 3.0)) * fade * share);
  guint actions = rng_poisson (rng, (0.1 + 0.5 * e) * fade * share);
  guint features = rng_poisson (rng, (0.05 + 0.4 * e) * fade * share);
  guint jobs_done = rng_poisson (rng, (0.05 + 4.5 * pow (e, 3.0)) * fade * fade * share);
  double strategic_rate = (0.01 + 0.07 * pow (e, 1.5)) *
                          (account->segment == SEGMENT_ENTERPRISE ? 1.6 : 1.0);
  guint strategic = rng_poisson (rng, strategic_rate * share);
  guint basic = rng_poisson (rng, (0.05 + 0.30 * (1.0 - fade) + 0.06 * (1.0 - e)) * share);
  guint span = (guint) (to - from);

  for (guint i = 0; i < sessions + actions + features + jobs_done; i++)
    {
      gint32 day = working_day (rng, from + (gint32) rng_below (rng, span));
      gint64 seconds = (gint64) day * SECONDS_PER_DAY + office_seconds (rng);
      const char *kind;
      int job = -1;

      if (i < sessions)
        kind = "session";
      else if (i < sessions + actions)
        kind = "action";
      else if (i < sessions + actions + features)
        kind = "feature_used";
      else
        {
          kind = "job_completed";
          job = pick_job (account, FALSE);
        }
      /* A weekend moved to Friday may fall before the window: keep it in it. */
      if (day < from)
        seconds += SECONDS_PER_DAY;
      if (!insert_event (demo, account, seconds, limit, kind, job, error))
        return FALSE;
    }

  for (guint i = 0; i < strategic + basic; i++)
    if (!insert_ticket (demo, account, from + (gint32) rng_below (rng, span), i < strategic,
                        error))
      return FALSE;

  return TRUE;
}

static gboolean
insert_response (Demo         *demo,
                 DemoAccount  *account,
                 gint32        day,
                 gboolean      nps,
                 GError      **error)
{
  Rng *rng = &account->rng;
  double e = account->engagement;
  double fade = decline (account, day);
  const char *comment = NULL;
  char answered_on[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = demo->insert_response;
  double raw;
  int score;
  int rc;

  /* Unhappy customers answer before they leave, and score low. */
  raw = 3.8 + 6.2 * e - 4.0 * (1.0 - fade) + 1.3 * rng_normal (rng);
  if (nps)
    score = CLAMP ((int) floor (raw + 0.5), 0, 10);
  else
    score = CLAMP ((int) floor (raw + 0.3), 1, 10);

  if (rng_chance (rng, 0.35))
    {
      if (score >= 9)
        comment = comments_promoter[rng_below (rng, G_N_ELEMENTS (comments_promoter))];
      else if (score >= 7)
        comment = comments_passive[rng_below (rng, G_N_ELEMENTS (comments_passive))];
      else
        comment = comments_detractor[rng_below (rng, G_N_ELEMENTS (comments_detractor))];
    }

  format_date (day, answered_on);
  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, answered_on, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, nps ? "nps" : "cli", -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 4, score);
  rc = rc != SQLITE_OK ? rc : bind_text_or_null (stmt, 5, comment);

  return finish_insert (demo, stmt, rc, error);
}

/* NPS after about two months then every quarter; the loyalty survey once a year. */
static gboolean
generate_surveys (Demo         *demo,
                  DemoAccount  *account,
                  GError      **error)
{
  Rng *rng = &account->rng;

  for (guint kind = 0; kind < 2; kind++)
    {
      gboolean nps = kind == 0;
      gint32 day = account->signup + (nps ? 45 + (gint32) rng_below (rng, 30)
                                          : 100 + (gint32) rng_below (rng, 60));
      double answer_rate = nps ? 0.55 : 0.30;

      while (day < demo->end_day)
        {
          if (decline (account, day) > 0.0 && rng_chance (rng, answer_rate) &&
              !insert_response (demo, account, day, nps, error))
            return FALSE;
          answer_rate = nps ? 0.40 : 0.30;
          day += nps ? 80 + (gint32) rng_below (rng, 30) : 330 + (gint32) rng_below (rng, 70);
        }
    }

  return TRUE;
}

static gboolean
generate_onboarding (Demo         *demo,
                     DemoAccount  *account,
                     GError      **error)
{
  Rng *rng = &account->rng;
  const DemoScenario *scenario;
  char started_on[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = demo->insert_enrolment;
  guint step_id;
  int rc;

  if (account->scenario < 0)
    return TRUE;

  scenario = &scenarios[account->scenario];
  format_date (account->signup, started_on);
  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 2, account->scenario + 1);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, started_on, -1, SQLITE_STATIC);
  if (!finish_insert (demo, stmt, rc, error))
    return FALSE;

  /* Check-ins are ticked by the customer success manager; a few other steps are ticked
   * by hand too, the rest are completed by their rule from the events. */
  step_id = first_step_id ((guint) account->scenario);
  stmt = demo->insert_step_done;
  for (guint i = 0; i < scenario->n_steps; i++, step_id++)
    {
      const DemoStep *step = &scenario->steps[i];
      double p = step->done_when_kind == NULL ? 0.25 + 0.6 * account->engagement : 0.12;
      gint32 day = account->signup + step->day_offset + (gint32) rng_below (rng, 4);
      char done_on[TENURE_DATE_BUF];

      if (!rng_chance (rng, p) || day >= demo->end_day || decline (account, day) <= 0.0)
        continue;

      format_date (day, done_on);
      rc = sqlite3_bind_int64 (stmt, 1, account->id);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 2, (int) step_id);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, done_on, -1, SQLITE_STATIC);
      if (!finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_account_rows (Demo         *demo,
                     DemoAccount  *account,
                     guint         index,
                     guint         owner,
                     const char   *name,
                     GError      **error)
{
  char external_id[32];
  char signup[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = demo->insert_account;
  guint plan = account->n_subscriptions > 0
               ? account->subscriptions[account->n_subscriptions - 1].plan : account->plan;
  int rc;

  g_snprintf (external_id, sizeof external_id, "ACC-%05u", index + 1);
  format_date (account->signup, signup);
  rc = sqlite3_bind_int64 (stmt, 1, account->id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4, segment_names[account->segment], -1,
                                                 SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 5, plan_names[plan], -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 6, channels[account->channel].name, -1,
                                                 SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 7, owners[owner], -1, SQLITE_STATIC);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 8, signup, -1, SQLITE_STATIC);
  if (!finish_insert (demo, stmt, rc, error))
    return FALSE;

  stmt = demo->insert_subscription;
  for (guint i = 0; i < account->n_subscriptions; i++)
    {
      const DemoSubscription *subscription = &account->subscriptions[i];
      char sub_id[32];
      char start[TENURE_DATE_BUF];
      char end[TENURE_DATE_BUF];

      g_snprintf (sub_id, sizeof sub_id, "SUB-%06u", ++demo->subscription_serial);
      format_date (subscription->start, start);
      rc = sqlite3_bind_int64 (stmt, 1, account->id);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, sub_id, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 3, start, -1, SQLITE_STATIC);
      if (rc == SQLITE_OK && subscription->end != G_MAXINT32)
        {
          format_date (subscription->end, end);
          rc = sqlite3_bind_text (stmt, 4, end, -1, SQLITE_STATIC);
        }
      else if (rc == SQLITE_OK)
        rc = sqlite3_bind_null (stmt, 4);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 5, subscription->mrr_cents);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 6, plan_names[subscription->plan], -1,
                                                     SQLITE_STATIC);
      if (!finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  stmt = demo->insert_answer;
  for (guint i = 0; i < account->n_answers; i++)
    {
      rc = sqlite3_bind_int64 (stmt, 1, account->id);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 2,
                                                    (int) ((account->answers[i] - 1) /
                                                           OPTIONS_PER_QUESTION + 1));
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int (stmt, 3, (int) account->answers[i]);
      if (!finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
generate_account (Demo    *demo,
                  guint    index,
                  gint32   signup,
                  GError **error)
{
  DemoAccount account = { 0 };
  Rng *rng = &account.rng;
  g_autofree char *name = NULL;
  int signup_month = tenure_month_of_day (signup);
  double channel_weights[N_CHANNELS];
  double z;
  guint owner;

  rng_init (rng, demo->seed, (guint64) index + 1);
  account.id = (gint64) index + 1;
  account.signup = signup;

  for (guint c = 0; c < N_CHANNELS; c++)
    channel_weights[c] = channels[c].weight;
  account.channel = rng_weighted (rng, channel_weights, N_CHANNELS);
  account.segment = rng_weighted (rng, segment_weights, N_SEGMENTS);
  account.plan = rng_weighted (rng, plan_weights[account.segment], N_PLANS);
  account.discount = (const double[]) { 1.0, 1.0, 0.9, 0.85, 0.8 }[rng_below (rng, 5)];
  switch (account.segment)
    {
    case SEGMENT_SMB:
      account.size = 1.0;
      account.users = 1 + rng_below (rng, 4);
      break;
    case SEGMENT_MID:
      account.size = 1.0 + 0.5 * rng_double (rng);
      account.users = 3 + rng_below (rng, 10);
      break;
    default:
      account.size = 1.0 + rng_double (rng);
      account.users = 8 + rng_below (rng, 33);
      break;
    }
  owner = rng_chance (rng, 0.85) ? owner_by_segment[account.segment][rng_below (rng, 2)]
                                 : rng_below (rng, G_N_ELEMENTS (owners));
  name = make_company_name (rng, account.segment);

  /* New signups are enrolled in an onboarding scenario: the CIO one from the start, the
   * audit report one once it was launched, for the smaller companies first. */
  account.scenario = -1;
  if (rng_chance (rng, 0.75))
    {
      if (signup_month >= demo->second_scenario_month)
        account.scenario = rng_chance (rng, account.segment == SEGMENT_SMB ? 0.65 : 0.35);
      else
        account.scenario = 0;
    }

  z = 1.25 * rng_normal (rng) + channels[account.channel].engagement +
      segment_engagement[account.segment] + (account.scenario >= 0 ? 0.15 : 0.0);
  account.engagement = logistic (z);

  draw_answers (&account);
  account.signal48h = rng_chance (rng, 0.12 + 0.75 * account.engagement);
  account.taj = rng_poisson (rng, 0.25 + 7.0 * pow (account.engagement, 1.6));

  simulate_subscriptions (demo, &account);
  demo->signups[(signup_month - demo->first_month) * N_CHANNELS + account.channel]++;

  if (!insert_account_rows (demo, &account, index, owner, name, error) ||
      !generate_onboarding (demo, &account, error) ||
      !generate_first_month (demo, &account, error))
    return FALSE;

  for (guint r = 0; r < account.n_runs; r++)
    {
      const DemoRun *run = &account.runs[r];
      gint32 from = r == 0 ? account.signup + 30 : run->start;

      while (from < run->end)
        {
          gint32 to = MIN (tenure_month_first_day (tenure_month_of_day (from) + 1), run->end);

          if (!generate_window (demo, &account, from, to, error))
            return FALSE;
          from = to;
        }
    }

  return generate_surveys (demo, &account, error);
}

/* Marketing spend and leads per month and channel, from the signups they brought. */
static gboolean
insert_spend (Demo    *demo,
              GError **error)
{
  Rng rng;
  sqlite3_stmt *stmt;

  rng_init (&rng, demo->seed, G_GUINT64_CONSTANT (0x5be9d));
  stmt = tenure_db_prepare (demo->db,
                            "INSERT INTO spend (month, channel, amount_cents, leads, import_id) "
                            "VALUES (?, ?, ?, ?, 1)", error);
  if (stmt == NULL)
    return FALSE;

  for (int month = demo->first_month; month <= demo->last_month; month++)
    for (guint c = 0; c < N_CHANNELS; c++)
      {
        guint signups = demo->signups[(month - demo->first_month) * N_CHANNELS + c];
        double cost = (double) signups * channels[c].cac_cents * (0.8 + 0.4 * rng_double (&rng)) +
                      (double) channels[c].fixed_cents * demo->scale * (0.9 + 0.2 * rng_double (&rng));
        gint64 leads = (gint64) floor (signups / channels[c].conversion *
                                       (0.85 + 0.3 * rng_double (&rng)) + 0.5) +
                       rng_below (&rng, 3);
        char text[TENURE_MONTH_BUF];
        int rc;

        tenure_month_format (month, text);
        rc = sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
        rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, channels[c].name, -1,
                                                       SQLITE_STATIC);
        rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 3, round_euros (cost));
        rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 4, leads);
        if (!finish_insert (demo, stmt, rc, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
insert_initiatives (Demo    *demo,
                    GError **error)
{
  struct {
    const char *name;
    double      cost_cents;
    int         first;
    int         last;
    const char *segment;
    const char *notes;
  } initiatives[] = {
    { "Quarterly business reviews for Mid-market", 1800000.0, demo->reviews_first,
      demo->reviews_last, "Mid-market",
      "Every Mid-market customer gets a quarterly review of its risks and usage with its "
      "customer success manager." },
    { "Win-back discount for SMB accounts", 900000.0, demo->discount_first,
      demo->discount_last, "SMB",
      "20 % off for three months, offered to SMB accounts whose usage dropped." },
  };
  sqlite3_stmt *stmt;

  stmt = tenure_db_prepare (demo->db,
                            "INSERT INTO initiative (id, name, cost_cents, start_month, end_month, "
                            "segment, notes) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (initiatives); i++)
    {
      char first[TENURE_MONTH_BUF];
      char last[TENURE_MONTH_BUF];
      int rc;

      tenure_month_format (initiatives[i].first, first);
      tenure_month_format (initiatives[i].last, last);
      rc = sqlite3_bind_int64 (stmt, 1, i + 1);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, initiatives[i].name, -1,
                                                     SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 3,
                                                      round_euros (initiatives[i].cost_cents *
                                                                   demo->scale));
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4, first, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 5, last, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 6, initiatives[i].segment, -1,
                                                     SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 7, initiatives[i].notes, -1,
                                                     SQLITE_STATIC);
      if (!finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_days (const void *a,
              const void *b)
{
  gint32 x = *(const gint32 *) a;
  gint32 y = *(const gint32 *) b;

  return (x > y) - (x < y);
}

/* Signup days of every account, in order: more signups in recent months. */
static gint32 *
draw_signups (const Demo *demo)
{
  guint months = (guint) (demo->last_month - demo->first_month + 1);
  g_autofree double *cumulative = g_new0 (double, months + 1);
  gint32 *days = g_new (gint32, demo->accounts);
  Rng rng;
  guint next = 0;

  rng_init (&rng, demo->seed, 0);
  for (guint m = 0; m < months; m++)
    {
      double weight = (1.0 + 1.0 * m / MAX (months - 1, 1)) * (0.85 + 0.3 * rng_double (&rng));

      cumulative[m + 1] = cumulative[m] + weight;
    }

  for (guint m = 0; m < months; m++)
    {
      int month = demo->first_month + (int) m;
      guint upto = (guint) floor (demo->accounts * cumulative[m + 1] / cumulative[months] + 0.5);
      guint length = (guint) (tenure_month_first_day (month + 1) - tenure_month_first_day (month));
      guint from = next;

      if (m + 1 == months)
        upto = demo->accounts;
      for (; next < upto; next++)
        days[next] = tenure_month_first_day (month) + (gint32) rng_below (&rng, length);
      qsort (days + from, next - from, sizeof (gint32), compare_days);
    }

  return days;
}

void
tenure_demo_options_init (TenureDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->accounts = 600;
  options->months = 36;
  options->end_month = 0;
  options->seed = 1;
}

static gboolean
check_options (const TenureDemoOptions  *options,
               GError                  **error)
{
  if (options->accounts < 1 || options->accounts > TENURE_DEMO_MAX_ACCOUNTS)
    {
      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_INVALID,
                   _("The demo company needs between 1 and %d accounts"),
                   TENURE_DEMO_MAX_ACCOUNTS);
      return FALSE;
    }
  if (options->months < TENURE_DEMO_MIN_MONTHS || options->months > TENURE_DEMO_MAX_MONTHS)
    {
      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_INVALID,
                   _("The demo company needs between %d and %d months of history"),
                   TENURE_DEMO_MIN_MONTHS, TENURE_DEMO_MAX_MONTHS);
      return FALSE;
    }
  if (options->end_month < 0 || (options->end_month > 0 &&
                                 options->end_month < TENURE_MONTH (1970, 1) + (int) options->months))
    {
      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_INVALID,
                   _("The last month of the demo company must be after 1970"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_statements (Demo    *demo,
                    GError **error)
{
  struct {
    sqlite3_stmt **stmt;
    const char    *sql;
  } statements[] = {
    { &demo->insert_account,
      "INSERT INTO account (id, external_id, name, segment, plan, channel, owner, signup_date, "
      "import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)" },
    { &demo->insert_subscription,
      "INSERT INTO subscription (account_id, external_id, start_date, end_date, mrr_cents, plan, "
      "import_id) VALUES (?, ?, ?, ?, ?, ?, 1)" },
    { &demo->insert_event,
      "INSERT INTO event (account_id, at, kind, job_id, user_ref, import_id) "
      "VALUES (?, ?, ?, ?, ?, 1)" },
    { &demo->insert_response,
      "INSERT INTO response (account_id, answered_on, kind, score, comment, import_id) "
      "VALUES (?, ?, ?, ?, ?, 1)" },
    { &demo->insert_ticket,
      "INSERT INTO ticket (account_id, opened_at, category, import_id) VALUES (?, ?, ?, 1)" },
    { &demo->insert_answer,
      "INSERT INTO answer (account_id, question_id, option_id, import_id) VALUES (?, ?, ?, 1)" },
    { &demo->insert_enrolment,
      "INSERT INTO enrolment (account_id, scenario_id, started_on) VALUES (?, ?, ?)" },
    { &demo->insert_step_done,
      "INSERT INTO step_done (account_id, step_id, done_on) VALUES (?, ?, ?)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      *statements[i].stmt = tenure_db_prepare (demo->db, statements[i].sql, error);
      if (*statements[i].stmt == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
run_in_transaction (Demo      *demo,
                    gboolean (*func) (Demo *, GError **),
                    GError   **error)
{
  if (!tenure_db_begin (demo->db, error))
    return FALSE;
  if (!func (demo, error) || !tenure_db_commit (demo->db, error))
    {
      tenure_db_rollback (demo->db);
      return FALSE;
    }

  return TRUE;
}

static gboolean
finish_lineage (Demo    *demo,
                GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!insert_spend (demo, error) || !insert_initiatives (demo, error))
    return FALSE;

  stmt = tenure_db_prepare (demo->db, "UPDATE import SET rows = ? WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_bind_int64 (stmt, 1, demo->rows);

  return finish_insert (demo, stmt, rc, error);
}

/**
 * tenure_demo_generate:
 * @db: an empty workspace
 * @options: the size, period and seed of the company
 * @progress: (nullable): told how far the generation has got
 * @user_data: for @progress
 * @cancellable: (nullable): stops the generation between two batches of accounts
 * @error: return location for a #TENURE_DEMO_ERROR, #TENURE_DB_ERROR or #G_IO_ERROR
 *
 * Fills @db with the demo company. The accounts are written in batches, one
 * transaction each, so that large companies fit in memory: after a failure or a cancel
 * the workspace holds part of the company, and should be thrown away
 * (tenure_demo_create_file() does).
 */
gboolean
tenure_demo_generate (TenureDb                 *db,
                      const TenureDemoOptions  *options,
                      TenureProgressFunc        progress,
                      gpointer                  user_data,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  Demo demo = { 0 };
  g_autofree gint32 *signup_days = NULL;
  g_autofree guint *signups = NULL;
  int months;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;
  if (tenure_db_query_int (db,
                           "SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM job) + "
                           "(SELECT count(*) FROM question) + (SELECT count(*) FROM scenario) + "
                           "(SELECT count(*) FROM import)", -1) != 0)
    {
      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_NOT_EMPTY,
                   _("The demo company can only be created in an empty workspace"));
      return FALSE;
    }

  months = (int) options->months;
  demo.db = db;
  demo.seed = options->seed;
  demo.accounts = options->accounts;
  if (options->end_month > 0)
    demo.last_month = options->end_month;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      demo.last_month = tenure_month_last_full (now);
    }
  demo.first_month = demo.last_month - months + 1;
  demo.first_day = tenure_month_first_day (demo.first_month);
  demo.end_day = tenure_month_first_day (demo.last_month + 1);
  demo.scale = options->accounts / 600.0;
  demo.second_scenario_month = demo.first_month + months / 3;
  demo.reviews_first = MAX (demo.first_month + months / 4, demo.last_month - 15);
  demo.reviews_last = MAX (demo.reviews_first, demo.last_month - 7);
  demo.discount_first = MAX (demo.first_month + months / 3, demo.last_month - 11);
  demo.discount_last = MAX (demo.discount_first, demo.last_month - 5);
  signups = g_new0 (guint, (gsize) months * N_CHANNELS);
  demo.signups = signups;
  signup_days = draw_signups (&demo);

  if (progress != NULL)
    progress (0.0, user_data);

  if (!prepare_statements (&demo, error) ||
      !run_in_transaction (&demo, insert_catalogue, error))
    return FALSE;

  for (guint first = 0; first < demo.accounts; first += ACCOUNTS_PER_BATCH)
    {
      guint last = MIN (first + ACCOUNTS_PER_BATCH, demo.accounts);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !tenure_db_begin (db, error))
        return FALSE;
      for (guint i = first; i < last; i++)
        if (!generate_account (&demo, i, signup_days[i], error))
          {
            tenure_db_rollback (db);
            return FALSE;
          }
      if (!tenure_db_commit (db, error))
        {
          tenure_db_rollback (db);
          return FALSE;
        }
      if (progress != NULL)
        progress (0.98 * last / demo.accounts, user_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !run_in_transaction (&demo, finish_lineage, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Makes sure the bytes are on disk before the rename makes them the workspace. */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDWR, 0);
  int saved_errno;

  if (fd >= 0 && g_fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_FAILED,
               _("The demo workspace could not be written: %s"), g_strerror (saved_errno));
  return FALSE;
}

/**
 * tenure_demo_create_file:
 * @path: the workspace to create
 * @options: the size, period and seed of the company
 * @replace: whether an existing @path may be replaced
 * @progress: (nullable): told how far the generation has got
 * @user_data: for @progress
 * @cancellable: (nullable): stops the generation
 * @error: return location for an error
 *
 * Writes the demo company to a hidden temporary file next to @path and renames it to
 * @path when it is complete. On failure or cancel the temporary file is removed and
 * @path is left as it was.
 */
gboolean
tenure_demo_create_file (const char               *path,
                         const TenureDemoOptions  *options,
                         gboolean                  replace,
                         TenureProgressFunc        progress,
                         gpointer                  user_data,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *tmp_path = NULL;
  TenureDb *db;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;
  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_EXISTS,
                   _("“%s” already exists"), display);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, template, NULL);

  /* Reserve a unique name, then let TenureDb create the workspace under it. */
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_FAILED,
                   _("Cannot create a workspace in “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  g_unlink (tmp_path);

  db = tenure_db_open (tmp_path, TENURE_DB_OPEN_CREATE, error);
  ok = db != NULL;
  /* Nobody else can see this file, and it is thrown away on failure: no need to journal
   * every batch to disk. */
  ok = ok && tenure_db_exec (db, "PRAGMA journal_mode = DELETE", error);
  ok = ok && tenure_db_exec (db, "PRAGMA synchronous = OFF", error);
  ok = ok && tenure_db_exec (db, "PRAGMA cache_size = -131072", error);
  ok = ok && tenure_demo_generate (db, options, progress, user_data, cancellable, error);
  g_clear_pointer (&db, tenure_db_close);
  ok = ok && sync_file (tmp_path, error);

  if (ok)
    {
      /* A stale write-ahead log of the replaced workspace must not be replayed into the
       * new one. */
      if (replace)
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_unlink (wal);
          g_unlink (shm);
        }
      if (g_rename (tmp_path, path) != 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_FAILED,
                       _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
          ok = FALSE;
        }
    }
  if (!ok)
    remove_database_files (tmp_path);

  return ok;
}
