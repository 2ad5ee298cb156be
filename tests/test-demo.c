/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo company: deterministic, complete, sane, and telling the story the app is about. */

#include "config.h"

#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-demo.h"
#include "tenure-health.h"
#include "tenure-metrics.h"
#include "tenure-test-util.h"

/* The acquisition channels in the order the metrics engine sorts them (by name). */
enum { CHANNEL_ADS, CHANNEL_CONTENT, CHANNEL_EVENTS, CHANNEL_OUTBOUND, CHANNEL_PARTNERS,
       CHANNEL_REFERRAL, N_TEST_CHANNELS };
static const char * const test_channels[N_TEST_CHANNELS] = {
  "ads", "content", "events", "outbound", "partners", "referral",
};

/* One company shared by the read-only tests, generated once. */
static char *shared_dir;
static char *shared_path;

static char *
create_demo (const char *dir,
             const char *name,
             guint64     seed,
             guint       accounts)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  TenureDemoOptions options;

  tenure_demo_options_init (&options);
  options.accounts = accounts;
  options.end_month = TENURE_MONTH (2026, 10);
  options.seed = seed;
  g_assert_true (tenure_demo_create_file (path, &options, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static TenureDb *
open_shared (void)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db = tenure_db_open (shared_path, TENURE_DB_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return db;
}

static double
query_double (TenureDb   *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (stmt, 0), !=, SQLITE_NULL);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
query_int (TenureDb   *db,
           const char *sql)
{
  return (gint64) query_double (db, sql);
}

/* SHA-256 of every row of @table, ordered by all its columns. */
static char *
digest_table (TenureDb   *db,
              const char *table)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3 *handle = tenure_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int columns;
  int rc;

  g_string_printf (sql, "SELECT * FROM \"%s\"", table);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  columns = sqlite3_column_count (stmt);
  sqlite3_finalize (stmt);

  g_string_append (sql, " ORDER BY 1");
  for (int i = 2; i <= columns; i++)
    g_string_append_printf (sql, ", %d", i);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < columns; i++)
        {
          guchar type = (guchar) sqlite3_column_type (stmt, i);
          const guchar *text = sqlite3_column_text (stmt, i);

          g_checksum_update (checksum, &type, 1);
          if (text != NULL)
            g_checksum_update (checksum, text, sqlite3_column_bytes (stmt, i) + 1);
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_deterministic (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *first_path = create_demo (dir, "first.tenure", 5, 300);
  g_autofree char *second_path = create_demo (dir, "second.tenure", 5, 300);
  g_autofree char *other_path = create_demo (dir, "other.tenure", 6, 300);
  TenureDb *first = tenure_db_open (first_path, TENURE_DB_OPEN_READ_ONLY, NULL);
  TenureDb *second = tenure_db_open (second_path, TENURE_DB_OPEN_READ_ONLY, NULL);
  TenureDb *other = tenure_db_open (other_path, TENURE_DB_OPEN_READ_ONLY, NULL);
  guint differing = 0;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_nonnull (other);

  for (guint i = 0; tenure_db_tables[i] != NULL; i++)
    {
      const char *table = tenure_db_tables[i];
      g_autofree char *a = digest_table (first, table);
      g_autofree char *b = digest_table (second, table);
      g_autofree char *c = digest_table (other, table);

      g_test_message ("%s %s", table, a);
      g_assert_cmpstr (a, ==, b);
      if (g_strcmp0 (a, c) != 0)
        differing++;
    }

  /* A different seed changes the company, not the catalogue (jobs, questions, steps). */
  {
    g_autofree char *a = digest_table (first, "event");
    g_autofree char *c = digest_table (other, "event");
    g_autofree char *a_accounts = digest_table (first, "account");
    g_autofree char *c_accounts = digest_table (other, "account");

    g_assert_cmpstr (a, !=, c);
    g_assert_cmpstr (a_accounts, !=, c_accounts);
  }
  g_assert_cmpuint (differing, >=, 10);

  tenure_db_close (first);
  tenure_db_close (second);
  tenure_db_close (other);
  test_rmdir_recursive (dir);
}

static void
test_tables (void)
{
  g_autoptr(TenureDb) db = open_shared ();
  g_autofree char *company = tenure_db_get_setting (db, "company_name", NULL);
  g_autofree char *currency = tenure_db_get_setting (db, "currency", NULL);

  for (guint i = 0; tenure_db_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", tenure_db_tables[i]);

      g_test_message ("%s: %" G_GINT64_FORMAT " rows", tenure_db_tables[i], query_int (db, sql));
      g_assert_cmpint (query_int (db, sql), >, 0);
    }

  g_assert_cmpstr (company, ==, "Sentinelle Cyber");
  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM account"), ==, 600);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM account "
                                  "WHERE external_id NOT GLOB 'ACC-[0-9][0-9][0-9][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT name) FROM account"), >, 400);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT segment) FROM account"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT plan) FROM account"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT channel) FROM account"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT owner) FROM account"), >=, 5);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT owner) FROM account"), <=, 8);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM job"), >=, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM job"), <=, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM question"), >=, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM question"), <=, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM question WHERE kind = 'multiple'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM scenario"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM step "
                                  "GROUP BY scenario_id)"), >=, 4);
  g_assert_cmpint (query_int (db, "SELECT max(n) FROM (SELECT count(*) AS n FROM step "
                                  "GROUP BY scenario_id)"), <=, 6);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM step"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT max(day_offset) FROM step"), <=, 30);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM initiative"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM event"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM response WHERE comment IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM response WHERE comment IS NULL"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT category) FROM ticket"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM response"), ==, 2);

  /* Referral costs nothing; the other channels spend money every month. */
  g_assert_cmpint (query_int (db, "SELECT sum(amount_cents) FROM spend WHERE channel = 'referral'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM spend WHERE channel <> 'referral'"), ==,
                   36 * 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM spend WHERE leads IS NULL"), ==, 0);

  /* Lineage dated from the data, not from the clock. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM import "
                                  "WHERE imported_at = '2026-11-01T06:00:00Z'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT rows FROM import"), >, 50000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE import_id IS NOT 1"), ==, 0);
}

static void
test_sanity (void)
{
  g_autoptr(TenureDb) db = open_shared ();

  /* Every account signs up before it pays, and everything lies within the 36 months. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM account a WHERE signup_date > "
                                  "(SELECT min(start_date) FROM subscription s "
                                  "WHERE s.account_id = a.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM account WHERE signup_date < '2023-11-01' "
                                  "OR signup_date >= '2026-11-01' OR signup_date IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM account WHERE signup_date < '2024-01-01'"),
                   >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM account WHERE signup_date >= '2026-10-01'"),
                   >, 0);
  /* More signups in recent months. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM account WHERE signup_date >= '2025-11-01'"),
                   >, query_int (db, "SELECT count(*) FROM account "
                                     "WHERE signup_date < '2024-11-01'"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM subscription WHERE end_date < start_date "
                                  "OR end_date > '2026-11-01' OR start_date >= '2026-11-01' "
                                  "OR mrr_cents <= 0"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM subscription WHERE end_date IS NULL"), >,
                   200);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event e JOIN account a ON a.id = e.account_id "
                                  "WHERE e.at < a.signup_date OR e.at >= '2026-11-01'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE at NOT GLOB "
                                  "'20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE (kind = 'job_completed') <> "
                                  "(job_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE user_ref NOT GLOB 'u[1-9]*'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM response WHERE (kind = 'nps' AND score "
                                  "NOT BETWEEN 0 AND 10) OR (kind = 'cli' AND score NOT BETWEEN 1 "
                                  "AND 10)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM response WHERE kind = 'nps' AND score = 10"),
                   >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM response WHERE kind = 'nps' AND score <= 4"),
                   >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM response r JOIN account a ON a.id = "
                                  "r.account_id WHERE r.answered_on < a.signup_date "
                                  "OR r.answered_on >= '2026-11-01'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ticket t JOIN account a ON a.id = "
                                  "t.account_id WHERE t.opened_at < a.signup_date "
                                  "OR t.opened_at >= '2026-11-01'"), ==, 0);
  /* Single-choice questions have one answer per account. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT 1 FROM answer JOIN question q "
                                  "ON q.id = question_id WHERE q.kind = 'single' "
                                  "GROUP BY account_id, question_id HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM answer JOIN option o ON o.id = option_id "
                                  "WHERE o.question_id <> answer.question_id"), ==, 0);
  /* Onboarding: only enrolled accounts tick steps, of their own scenario. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM step_done d JOIN step s ON s.id = d.step_id "
                                  "WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.account_id = "
                                  "d.account_id AND e.scenario_id = s.scenario_id AND e.started_on "
                                  "<= d.done_on)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM enrolment e JOIN account a ON a.id = "
                                  "e.account_id WHERE e.started_on < a.signup_date"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM step WHERE done_when_job_id IS NOT NULL "
                                  "AND done_when_event_kind <> 'job_completed'"), ==, 0);

  /* Moderate volume, so that 100,000 accounts stay quick to generate: sessions (one a
   * day of use) dominate, then jobs; actions and features are rare after the first month. */
  g_assert_cmpfloat (query_double (db, "SELECT count(*) * 1.0 / 600 FROM event"), >, 100.0);
  g_assert_cmpfloat (query_double (db, "SELECT count(*) * 1.0 / 600 FROM event"), <, 175.0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE kind IN ('action', "
                                  "'feature_used')") * 10, <,
                   query_int (db, "SELECT count(*) FROM event"));
  /* A session event is a day of use: never two on the same day of an account. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT 1 FROM event WHERE kind = "
                                  "'session' GROUP BY account_id, substr (at, 1, 10) "
                                  "HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE kind = 'session'") * 2, >,
                   query_int (db, "SELECT count(*) FROM event"));
}

/* MRR at the end of each month from 2024-10 to 2026-10, account by account, and the
 * movements of the 24 months from 2024-11. */
#define MONTHLY_MRR \
  "WITH RECURSIVE months (m) AS (SELECT '2024-10-01' UNION ALL " \
  "  SELECT date (m, '+1 month') FROM months WHERE m < '2026-10-01'), " \
  "mrr AS (SELECT a.id AS account_id, a.segment AS segment, months.m AS m, " \
  "  (SELECT coalesce (sum (s.mrr_cents), 0) FROM subscription s WHERE s.account_id = a.id " \
  "   AND s.start_date < date (months.m, '+1 month') " \
  "   AND (s.end_date IS NULL OR s.end_date >= date (months.m, '+1 month'))) AS c " \
  "  FROM account a, months), " \
  "moves AS (SELECT cur.account_id, cur.segment, cur.m, prev.c AS p, cur.c AS c FROM mrr cur " \
  "  JOIN mrr prev ON prev.account_id = cur.account_id AND cur.m = date (prev.m, '+1 month')) "

/* Retention at 12 months (METRICS.md section 6) of the accounts matching @condition,
 * written over the columns taj, signal48h, first_nps, score. */
#define RETENTION12 \
  "WITH a AS (SELECT id, signup_date, " \
  "  date (signup_date, 'start of month', '+13 months') AS after, " \
  "  (SELECT count(*) FROM event e WHERE e.account_id = account.id AND e.kind = 'job_completed' " \
  "   AND e.at >= account.signup_date AND e.at < date (account.signup_date, '+30 days')) AS taj, " \
  "  EXISTS (SELECT 1 FROM event e WHERE e.account_id = account.id " \
  "   AND e.kind IN ('action', 'feature_used', 'job_completed') " \
  "   AND e.at >= account.signup_date AND e.at < date (account.signup_date, '+2 days')) AS signal48h, " \
  "  (SELECT score FROM response r WHERE r.account_id = account.id AND r.kind = 'nps' " \
  "   ORDER BY answered_on LIMIT 1) AS first_nps, " \
  "  (SELECT sum (o.points) FROM answer JOIN option o ON o.id = answer.option_id " \
  "   WHERE answer.account_id = account.id) AS score " \
  "  FROM account WHERE signup_date < '2025-11-01'), " \
  "r AS (SELECT a.*, EXISTS (SELECT 1 FROM subscription s WHERE s.account_id = a.id " \
  "  AND s.mrr_cents > 0 AND s.start_date < a.after " \
  "  AND (s.end_date IS NULL OR s.end_date >= a.after)) AS kept FROM a) " \
  "SELECT 100.0 * avg (kept) FROM r WHERE "

static double
retention12 (TenureDb   *db,
             const char *condition)
{
  g_autofree char *sql = g_strconcat (RETENTION12, condition, NULL);
  double value = query_double (db, sql);

  g_test_message ("retention at 12 months where %s: %.1f %%", condition, value);
  return value;
}

static void
test_relationships (void)
{
  g_autoptr(TenureDb) db = open_shared ();
  double taj0 = retention12 (db, "taj = 0");
  double taj13 = retention12 (db, "taj BETWEEN 1 AND 3");
  double taj4 = retention12 (db, "taj >= 4");
  double signal = retention12 (db, "signal48h");
  double no_signal = retention12 (db, "NOT signal48h");
  double promoters = retention12 (db, "first_nps >= 9");
  double detractors = retention12 (db, "first_nps <= 6");
  double qualified = retention12 (db, "score >= 10");
  double unqualified = retention12 (db, "score < 6");
  double churn;

  /* The seeds' threshold: more than 3 jobs in the first month. */
  g_assert_cmpfloat (taj4, >=, 55.0);
  g_assert_cmpfloat (taj4, >=, taj0 + 25.0);
  g_assert_cmpfloat (taj13, >, taj0);
  g_assert_cmpfloat (taj4, >, taj13);
  g_assert_cmpfloat (signal, >=, no_signal + 8.0);
  g_assert_cmpfloat (promoters, >=, detractors + 10.0);
  g_assert_cmpfloat (qualified, >=, unqualified + 10.0);

  /* Strategic tickets go with longer tenure: more months paid per account. */
  g_assert_cmpfloat (query_double (db,
                                   "SELECT avg (julianday (coalesce (s.end_date, '2026-11-01')) - "
                                   "julianday (s.start_date)) FROM subscription s WHERE s.account_id "
                                   "IN (SELECT account_id FROM ticket WHERE category = 'strategic')"),
                     >,
                     query_double (db,
                                   "SELECT avg (julianday (coalesce (s.end_date, '2026-11-01')) - "
                                   "julianday (s.start_date)) FROM subscription s WHERE s.account_id "
                                   "NOT IN (SELECT account_id FROM ticket WHERE category = 'strategic')"));

  /* Faster time to first value for the accounts that stay. */
  g_assert_cmpfloat (query_double (db,
                                   "SELECT avg (julianday (min_at) - julianday (signup_date)) FROM "
                                   "(SELECT a.signup_date, min (e.at) AS min_at FROM account a JOIN "
                                   "event e ON e.account_id = a.id AND e.kind = 'job_completed' "
                                   "WHERE a.id IN (SELECT account_id FROM subscription WHERE "
                                   "end_date IS NULL) GROUP BY a.id)"),
                     <,
                     query_double (db,
                                   "SELECT avg (julianday (min_at) - julianday (signup_date)) FROM "
                                   "(SELECT a.signup_date, min (e.at) AS min_at FROM account a JOIN "
                                   "event e ON e.account_id = a.id AND e.kind = 'job_completed' "
                                   "WHERE a.id NOT IN (SELECT account_id FROM subscription WHERE "
                                   "end_date IS NULL) GROUP BY a.id)"));

  /* Logo churn pooled over the last two years: realistic, and every month has some
   * expansion and some contraction or churn. */
  churn = query_double (db, MONTHLY_MRR
                        "SELECT 100.0 * sum (p > 0 AND c = 0) / sum (p > 0) FROM moves");
  g_test_message ("logo churn: %.2f %% a month", churn);
  g_assert_cmpfloat (churn, >=, 1.5);
  g_assert_cmpfloat (churn, <=, 3.5);
  g_assert_cmpint (query_int (db, MONTHLY_MRR
                              "SELECT count (DISTINCT m) FROM moves WHERE p > 0 AND c > p "
                              "AND m >= '2025-11-01'"), ==, 12);
  g_assert_cmpint (query_int (db, MONTHLY_MRR
                              "SELECT count (DISTINCT m) FROM moves WHERE p > 0 AND c < p "
                              "AND c > 0 AND m >= '2025-11-01'"), >=, 9);
  g_assert_cmpint (query_int (db, MONTHLY_MRR
                              "SELECT count (*) FROM moves WHERE p = 0 AND c > 0 AND EXISTS "
                              "(SELECT 1 FROM subscription s WHERE s.account_id = moves.account_id "
                              "AND s.end_date < moves.m)"), >=, 3);
  /* MRR grows over the year. */
  g_assert_cmpfloat (query_double (db, MONTHLY_MRR "SELECT sum (c) FROM mrr WHERE m = '2026-10-01'"),
                     >,
                     1.2 * query_double (db, MONTHLY_MRR
                                         "SELECT sum (c) FROM mrr WHERE m = '2025-10-01'"));

  /* The Mid-market reviews paid off; the SMB discount did not. */
  g_assert_cmpfloat (query_double (db, MONTHLY_MRR
                                   "SELECT 1.0 * sum (p > 0 AND c = 0) / sum (p > 0) FROM moves, "
                                   "initiative i WHERE i.id = 1 AND moves.segment = i.segment AND "
                                   "substr (m, 1, 7) BETWEEN i.start_month AND i.end_month"),
                     <,
                     0.6 * query_double (db, MONTHLY_MRR
                                         "SELECT 1.0 * sum (p > 0 AND c = 0) / sum (p > 0) FROM "
                                         "moves, initiative i WHERE i.id = 1 AND moves.segment <> "
                                         "i.segment AND substr (m, 1, 7) BETWEEN i.start_month AND "
                                         "i.end_month"));
  g_assert_cmpfloat (query_double (db, MONTHLY_MRR
                                   "SELECT 1.0 * sum (p > 0 AND c = 0) / sum (p > 0) FROM moves, "
                                   "initiative i WHERE i.id = 2 AND moves.segment = i.segment AND "
                                   "substr (m, 1, 7) BETWEEN i.start_month AND i.end_month"),
                     >=,
                     query_double (db, MONTHLY_MRR
                                   "SELECT 1.0 * sum (p > 0 AND c = 0) / sum (p > 0) FROM "
                                   "moves, initiative i WHERE i.id = 2 AND moves.segment <> "
                                   "i.segment AND substr (m, 1, 7) BETWEEN i.start_month AND "
                                   "i.end_month"));
}

/* Accounts heading to churn use the product less and answer worse. */
#define CHURNS \
  "WITH churns AS (SELECT s.account_id, s.end_date AS at FROM subscription s JOIN account a " \
  "  ON a.id = s.account_id WHERE s.end_date IS NOT NULL AND s.end_date >= date (a.signup_date, " \
  "  '+200 days') AND NOT EXISTS (SELECT 1 FROM subscription n WHERE n.account_id = s.account_id " \
  "  AND n.start_date = s.end_date)) "

static void
test_decline_before_churn (void)
{
  g_autoptr(TenureDb) db = open_shared ();
  double before = query_double (db, CHURNS
                                "SELECT count(*) FROM churns c JOIN event e ON e.account_id = "
                                "c.account_id AND e.kind IN ('session', 'job_completed') AND "
                                "e.at >= date (c.at, '-180 days') AND e.at < date (c.at, '-120 days')");
  double last = query_double (db, CHURNS
                              "SELECT count(*) FROM churns c JOIN event e ON e.account_id = "
                              "c.account_id AND e.kind IN ('session', 'job_completed') AND "
                              "e.at >= date (c.at, '-60 days') AND e.at < c.at");
  double nps_before_churn = query_double (db, CHURNS
                                          "SELECT avg (r.score) FROM churns c JOIN response r ON "
                                          "r.account_id = c.account_id AND r.kind = 'nps' AND "
                                          "r.answered_on >= date (c.at, '-120 days') AND "
                                          "r.answered_on < c.at");
  double nps_others = query_double (db, "SELECT avg (score) FROM response WHERE kind = 'nps' AND "
                                        "account_id IN (SELECT account_id FROM subscription "
                                        "WHERE end_date IS NULL)");

  g_test_message ("usage 180-120 days before churn %.0f, last 60 days %.0f", before, last);
  g_assert_cmpfloat (before, >, 100.0);
  g_assert_cmpfloat (last, <, 0.6 * before);
  g_assert_cmpfloat (nps_before_churn, <, nps_others - 1.5);
}

/* What a SaaS manager reads at the end month, computed by the metrics engine: a base of
 * mostly healthy customers whose red accounts do churn, and acquisition costs paid back
 * in 6 to 20 months, the channels telling different stories. */
static void
test_calibration (void)
{
  g_autoptr(TenureDb) db = open_shared ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;
  g_autoptr(TenureHealthReport) health = NULL;
  const int month = TENURE_MONTH (2026, 10);
  double ratio[N_TEST_CHANNELS] = { 0 };
  double usage[TENURE_HEALTH_N_BANDS] = { 0 };
  double green_churn;
  double red_churn;
  guint customers;

  metrics = tenure_metrics_compute (db, month, NULL, NULL, &error);
  g_assert_no_error (error);
  customers = metrics->figures.customers;
  g_assert_cmpuint (customers, >, 300);
  g_test_message ("health: green %u, amber %u, red %u of %u",
                  metrics->health_accounts[TENURE_HEALTH_GREEN],
                  metrics->health_accounts[TENURE_HEALTH_AMBER],
                  metrics->health_accounts[TENURE_HEALTH_RED], customers);
  g_assert_cmpfloat (100.0 * metrics->health_accounts[TENURE_HEALTH_GREEN] / customers, >=, 45.0);
  g_assert_cmpfloat (100.0 * metrics->health_accounts[TENURE_HEALTH_GREEN] / customers, <=, 60.0);
  g_assert_cmpfloat (100.0 * metrics->health_accounts[TENURE_HEALTH_AMBER] / customers, >=, 25.0);
  g_assert_cmpfloat (100.0 * metrics->health_accounts[TENURE_HEALTH_AMBER] / customers, <=, 40.0);
  g_assert_cmpfloat (100.0 * metrics->health_accounts[TENURE_HEALTH_RED] / customers, >=, 10.0);
  g_assert_cmpfloat (100.0 * metrics->health_accounts[TENURE_HEALTH_RED] / customers, <=, 20.0);

  /* The back-test: red accounts of three months ago churned far more than green ones. */
  green_churn = metrics->backtest_churned_pct[TENURE_HEALTH_GREEN];
  red_churn = metrics->backtest_churned_pct[TENURE_HEALTH_RED];
  g_assert_false (tenure_metrics_is_null (green_churn));
  g_assert_false (tenure_metrics_is_null (red_churn));
  g_test_message ("back-test: green %.1f %%, amber %.1f %%, red %.1f %% churned",
                  green_churn, metrics->backtest_churned_pct[TENURE_HEALTH_AMBER], red_churn);
  g_assert_cmpuint (metrics->backtest_accounts[TENURE_HEALTH_GREEN], >=, 100);
  g_assert_cmpuint (metrics->backtest_accounts[TENURE_HEALTH_RED], >=, 30);
  g_assert_cmpfloat (red_churn, >, 3.0 * green_churn);
  g_assert_cmpfloat (red_churn, >=, 15.0);
  g_assert_cmpfloat (green_churn, <, 3.0);
  g_assert_cmpfloat (metrics->backtest_churned_pct[TENURE_HEALTH_AMBER], >, green_churn);
  g_assert_cmpfloat (metrics->backtest_churned_pct[TENURE_HEALTH_AMBER], <, red_churn);

  /* Green accounts are used most days (usage is distinct session days / 15), red ones
   * rarely; few paying accounts are silent. */
  health = tenure_health_compute (db, month, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (health->accounts->len, ==, customers);
  for (guint i = 0; i < health->accounts->len; i++)
    {
      const TenureAccountHealth *account = g_ptr_array_index (health->accounts, i);

      usage[account->band] += account->components[TENURE_HEALTH_USAGE] /
                              health->band_accounts[account->band];
    }
  g_test_message ("mean usage: green %.2f, amber %.2f, red %.2f", usage[TENURE_HEALTH_GREEN],
                  usage[TENURE_HEALTH_AMBER], usage[TENURE_HEALTH_RED]);
  g_assert_cmpfloat (usage[TENURE_HEALTH_GREEN], >=, 0.8);
  g_assert_cmpfloat (usage[TENURE_HEALTH_RED], <=, 0.4);
  g_assert_false (tenure_metrics_is_null (metrics->dormant_pct));
  g_assert_cmpfloat (metrics->dormant_pct, <, 5.0);

  /* CLV / CAC around 3 and payback within two years, per paid channel; referral costs
   * nothing. */
  g_assert_cmpuint (metrics->channels->len, ==, N_TEST_CHANNELS);
  for (guint i = 0; i < metrics->channels->len; i++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (metrics->channels, i);
      g_autofree char *sql = NULL;

      g_assert_cmpstr (channel->name, ==, test_channels[i]);
      g_test_message ("%s: spend %" G_GINT64_FORMAT ", %u new, CLV/CAC %.2f, payback %.1f",
                      channel->name, channel->spend_cents, channel->new_customers,
                      channel->clv_cac_ratio, channel->payback_months);
      g_assert_cmpuint (channel->new_customers, >=, 15);
      if (g_str_equal (channel->name, "referral"))
        {
          g_assert_cmpint (channel->spend_cents, ==, 0);
          g_assert_cmpint (channel->cac_cents, ==, 0);
          g_assert_true (tenure_metrics_is_null (channel->clv_cac_ratio));
          continue;
        }
      g_assert_false (tenure_metrics_is_null (channel->clv_cac_ratio));
      g_assert_false (tenure_metrics_is_null (channel->payback_months));
      g_assert_cmpfloat (channel->clv_cac_ratio, >=, 1.5);
      g_assert_cmpfloat (channel->clv_cac_ratio, <=, 8.0);
      g_assert_cmpfloat (channel->payback_months, >=, 4.0);
      g_assert_cmpfloat (channel->payback_months, <=, 30.0);
      ratio[i] = channel->clv_cac_ratio;

      /* A lead costs 50 to 400 EUR, and a few leads in a hundred sign up. */
      sql = g_strdup_printf ("SELECT sum (amount_cents) / 100.0 / sum (leads) FROM spend "
                             "WHERE channel = '%s' AND month BETWEEN '2025-11' AND '2026-10'",
                             channel->name);
      g_assert_cmpfloat (query_double (db, sql), >=, 50.0);
      g_assert_cmpfloat (query_double (db, sql), <=, 400.0);
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("SELECT 100.0 * (SELECT count(*) FROM account WHERE channel = '%s' "
                             "AND signup_date >= '2025-11-01') / (SELECT sum (leads) FROM spend "
                             "WHERE channel = '%s' AND month >= '2025-11')",
                             channel->name, channel->name);
      g_assert_cmpfloat (query_double (db, sql), >=, 0.5);
      g_assert_cmpfloat (query_double (db, sql), <=, 5.0);
    }
  /* Content and partners bring customers cheaply, ads cost more, events the most. */
  g_assert_cmpfloat (ratio[CHANNEL_CONTENT], >, ratio[CHANNEL_ADS]);
  g_assert_cmpfloat (ratio[CHANNEL_PARTNERS], >, ratio[CHANNEL_ADS]);
  g_assert_cmpfloat (ratio[CHANNEL_ADS], >, ratio[CHANNEL_EVENTS]);
  g_assert_cmpfloat (ratio[CHANNEL_OUTBOUND], >, ratio[CHANNEL_EVENTS]);
  g_assert_false (metrics->funnel_awareness == TENURE_CENTS_NULL);
  g_assert_cmpint (metrics->funnel_awareness, >, 20 * (gint64) metrics->funnel_conversion);
}

typedef struct
{
  double        last;
  guint         calls;
  GCancellable *cancel_at_half;
} ProgressData;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  data->last = fraction;
  data->calls++;
  if (data->cancel_at_half != NULL && fraction >= 0.5)
    g_cancellable_cancel (data->cancel_at_half);
}

static guint
count_files (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;
  g_dir_close (dir);

  return count;
}

static void
test_create_file (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Demo company.tenure", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ProgressData data = { 0 };
  g_autofree char *integrity = NULL;
  TenureDemoOptions options;
  TenureDb *db;

  tenure_demo_options_init (&options);
  g_assert_cmpuint (options.accounts, ==, 600);
  g_assert_cmpuint (options.months, ==, 36);
  g_assert_cmpint (options.end_month, ==, 0);
  options.accounts = 600;
  options.end_month = TENURE_MONTH (2026, 4);

  /* Cancelled half-way: no workspace, no temporary file. */
  data.cancel_at_half = cancellable;
  g_assert_false (tenure_demo_create_file (path, &options, FALSE, progress_cb, &data,
                                           cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (data.calls, >=, 2);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* Complete, with progress up to 1. */
  options.accounts = 40;
  memset (&data, 0, sizeof data);
  g_assert_true (tenure_demo_create_file (path, &options, FALSE, progress_cb, &data, NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (data.last, ==, 1.0);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* An existing file is refused and left byte for byte as it was. */
  before = test_checksum_file (path);
  options.seed = 2;
  g_assert_false (tenure_demo_create_file (path, &options, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_EXISTS);
  g_clear_error (&error);
  after = test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* Replaced when asked. */
  options.accounts = 30;
  g_assert_true (tenure_demo_create_file (path, &options, TRUE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  after = test_checksum_file (path);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (count_files (dir), ==, 1);
  db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 30);
  integrity = tenure_db_integrity_check (db, NULL);
  g_assert_cmpstr (integrity, ==, "ok");
  tenure_db_close (db);

  /* Bad options. */
  options.accounts = 0;
  g_assert_false (tenure_demo_create_file (path, &options, TRUE, NULL, NULL, NULL, &error));
  g_assert_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_INVALID);
  g_clear_error (&error);
  options.accounts = 10;
  options.months = 2;
  g_assert_false (tenure_demo_create_file (path, &options, TRUE, NULL, NULL, NULL, &error));
  g_assert_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_INVALID);
  g_clear_error (&error);

  test_rmdir_recursive (dir);
}

/* Writes a file at the path being generated, once, half-way through the generation. */
static void
create_meanwhile_cb (double   fraction,
                     gpointer user_data)
{
  const char *path = user_data;

  if (fraction >= 0.5 && !g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_true (g_file_set_contents (path, "another program's file", -1, NULL));
}

/* Another program creates the same new file while the demo is generated: the demo never
 * replaces it. */
static void
test_create_file_race (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "q4.tenure", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  TenureDemoOptions options;

  tenure_demo_options_init (&options);
  options.accounts = 40;
  options.end_month = TENURE_MONTH (2026, 4);

  g_assert_false (tenure_demo_create_file (path, &options, FALSE, create_meanwhile_cb, path,
                                           NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_test_message ("%s", error->message);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "another program's file");
  g_assert_cmpuint (count_files (dir), ==, 1);

  test_rmdir_recursive (dir);
}

static void
test_generate_into_workspace (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "company.tenure", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int last_full = tenure_month_last_full (now);
  char first_text[TENURE_DATE_BUF];
  char end_text[TENURE_DATE_BUF];
  g_autofree char *sql = NULL;
  TenureDemoOptions options;

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* By default the history ends with the last full month. */
  tenure_demo_options_init (&options);
  options.accounts = 30;
  options.months = 6;
  g_assert_true (tenure_demo_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  tenure_date_format (tenure_month_first_day (last_full - 5), first_text);
  tenure_date_format (tenure_month_first_day (last_full + 1), end_text);
  sql = g_strdup_printf ("SELECT count(*) FROM account WHERE signup_date < '%s' "
                         "OR signup_date >= '%s'", first_text, end_text);
  g_assert_cmpint (tenure_db_query_int (db, sql, -1), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM event WHERE at >= '%s'", end_text);
  g_assert_cmpint (tenure_db_query_int (db, sql, -1), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM account WHERE signup_date >= '%s'", first_text);
  g_assert_cmpint (tenure_db_query_int (db, sql, -1), ==, 30);

  /* A workspace that holds data is refused, and left as it was. */
  g_assert_false (tenure_demo_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 30);

  g_clear_pointer (&db, tenure_db_close);
  test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  shared_dir = test_make_tmpdir ();
  shared_path = create_demo (shared_dir, "shared.tenure", 1, 600);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/tables", test_tables);
  g_test_add_func ("/demo/sanity", test_sanity);
  g_test_add_func ("/demo/relationships", test_relationships);
  g_test_add_func ("/demo/decline-before-churn", test_decline_before_churn);
  g_test_add_func ("/demo/calibration", test_calibration);
  g_test_add_func ("/demo/create-file", test_create_file);
  g_test_add_func ("/demo/create-file-race", test_create_file_race);
  g_test_add_func ("/demo/generate-into-workspace", test_generate_into_workspace);

  status = g_test_run ();

  test_rmdir_recursive (shared_dir);
  g_free (shared_dir);
  g_free (shared_path);

  return status;
}
