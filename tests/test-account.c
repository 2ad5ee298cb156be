/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One account's history (MRR by month, weeks of activity), dormant flags and saved weights. */

#include "config.h"

#include <math.h>

#include "tenure-account.h"
#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-health.h"
#include "tenure-metrics.h"
#include "tenure-test-util.h"

typedef struct
{
  char     *tmpdir;
  TenureDb *db;
} Fixture;

#define MAR TENURE_MONTH (2026, 3)

static void
exec (TenureDb   *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tenure_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* A1 pays 100 € from Nov 2025, 150 € from Feb 2026 (two subscriptions); A2 paid 50 € from
 * Dec 2025 to Feb 2026 and left; A3 pays 80 € and had no session in March's last 30 days. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "account.tenure", NULL);
  fixture->db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  exec (fixture->db,
        "INSERT INTO account (id, external_id, name, owner, segment, plan, channel, signup_date)"
        " VALUES (1, 'A1', 'Acme', 'Claire', 'SMB', 'Pro', 'ads', '2025-11-03'),"
        "        (2, 'A2', 'Globex', 'Marc', 'Mid-market', 'Basic', NULL, '2025-12-01'),"
        "        (3, 'A3', NULL, NULL, NULL, NULL, NULL, '2025-10-01');"
        "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents)"
        " VALUES (1, '2025-11-03', '2026-02-01', 10000),"
        "        (1, '2026-02-01', NULL, 15000),"
        "        (2, '2025-12-01', '2026-03-01', 5000),"
        "        (3, '2025-10-01', NULL, 8000);"
        /* Weeks: Mon 2026-03-23 … Sun 03-29; Mon 03-30 … (March ends on Tue 03-31). */
        "INSERT INTO event (account_id, at, kind) VALUES"
        "  (1, '2026-03-23T09:00:00Z', 'session'),"
        "  (1, '2026-03-24T09:00:00Z', 'session'),"
        "  (1, '2026-03-24T10:00:00Z', 'job_completed'),"
        "  (1, '2026-03-24T11:00:00Z', 'feature_used'),"
        "  (1, '2026-03-31T23:59:59Z', 'session'),"
        "  (1, '2026-04-01T08:00:00Z', 'session'),"
        "  (1, '2026-03-16T08:00:00Z', 'job_completed'),"
        "  (3, '2026-02-20T08:00:00Z', 'session');"
        "INSERT INTO ticket (account_id, opened_at, category) VALUES"
        "  (1, '2026-03-25T08:00:00Z', 'strategic'),"
        "  (1, '2026-03-26T08:00:00Z', 'basic');"
        "INSERT INTO response (account_id, answered_on, kind, score) VALUES"
        "  (1, '2026-03-17', 'nps', 6),"
        "  (1, '2026-03-30', 'nps', 9),"
        "  (1, '2026-03-30', 'cli', 3);");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->db, tenure_db_close);
  test_rmdir_recursive (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TenureAccountHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 expected[] = { 0, 10000, 10000, 10000, 15000, 15000 };
  gint32 monday;

  history = tenure_account_history_load (fixture->db, 1, MAR, 6, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (history->external_id, ==, "A1");
  g_assert_cmpstr (history->name, ==, "Acme");
  g_assert_cmpstr (history->owner, ==, "Claire");
  g_assert_cmpstr (history->segment, ==, "SMB");
  g_assert_cmpstr (history->plan, ==, "Pro");
  g_assert_cmpstr (history->signup_date, ==, "2025-11-03");

  /* October 2025 … March 2026: the new subscription replaces the old one in February. */
  g_assert_cmpint (history->first_month, ==, TENURE_MONTH (2025, 10));
  g_assert_cmpuint (history->n_months, ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (history->mrr_cents[i], ==, expected[i]);

  /* Three weeks: 16, 23 and 30 March, the last one cut at the end of March. */
  g_assert_cmpuint (history->n_weeks, ==, 3);
  monday = tenure_days_from_civil (2026, 3, 16);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (history->weeks[i].first_day, ==, monday + 7 * (gint32) i);

  g_assert_cmpuint (history->weeks[0].sessions, ==, 0);
  g_assert_cmpuint (history->weeks[0].jobs, ==, 1);
  g_assert_cmpint (history->weeks[0].nps, ==, 6);
  g_assert_cmpuint (history->weeks[0].tickets, ==, 0);

  g_assert_cmpuint (history->weeks[1].sessions, ==, 2);
  g_assert_cmpuint (history->weeks[1].jobs, ==, 1);
  g_assert_cmpuint (history->weeks[1].tickets, ==, 2);
  g_assert_cmpuint (history->weeks[1].strategic_tickets, ==, 1);
  g_assert_cmpint (history->weeks[1].nps, ==, -1);

  /* 31 March counts, 1 April does not; the CLI answer is not an NPS answer. */
  g_assert_cmpuint (history->weeks[2].sessions, ==, 1);
  g_assert_cmpuint (history->weeks[2].jobs, ==, 0);
  g_assert_cmpint (history->weeks[2].nps, ==, 9);
}

static void
test_history_gone (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TenureAccountHistory) history = NULL;
  g_autoptr(TenureAccountHistory) missing = NULL;
  g_autoptr(GError) error = NULL;

  /* A2 left at the end of February: no MRR in March, and the nullable fields. */
  history = tenure_account_history_load (fixture->db, 2, MAR, 4, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (history->mrr_cents[0], ==, 5000);
  g_assert_cmpint (history->mrr_cents[2], ==, 5000);
  g_assert_cmpint (history->mrr_cents[3], ==, 0);
  g_assert_null (history->channel);
  g_assert_cmpuint (history->n_weeks, ==, 0);

  missing = tenure_account_history_load (fixture->db, 42, MAR, 4, 4, NULL, &error);
  g_assert_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static const TenureAccountHealth *
find_account (const TenureHealthReport *report,
              const char               *external_id)
{
  for (guint i = 0; i < report->accounts->len; i++)
    {
      const TenureAccountHealth *account = g_ptr_array_index (report->accounts, i);

      if (g_strcmp0 (account->external_id, external_id) == 0)
        return account;
    }

  return NULL;
}

static void
test_dormant (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TenureHealthReport) report = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;
  const TenureAccountHealth *acme;
  const TenureAccountHealth *a3;

  report = tenure_health_compute (fixture->db, MAR, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->accounts->len, ==, 2);
  g_assert_null (find_account (report, "A2"));

  /* Sessions on 23, 24 and 31 March: three days, active. */
  acme = find_account (report, "A1");
  g_assert_cmpuint (acme->session_days, ==, 3);
  g_assert_false (acme->dormant);

  /* 20 February is more than 30 days before the end of March. */
  a3 = find_account (report, "A3");
  g_assert_cmpuint (a3->session_days, ==, 0);
  g_assert_true (a3->dormant);

  metrics = tenure_metrics_compute (fixture->db, MAR, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (metrics->dormant_accounts, ==, 1);
  g_assert_cmpint (metrics->dormant_mrr_cents, ==, a3->mrr_cents);
}

static void
test_weights_save (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TenureHealthReport) before = NULL;
  g_autoptr(TenureHealthReport) after = NULL;
  g_autoptr(TenureHealthReport) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const double usage_only[] = { 1, 0, 0, 0, 0 };
  const double negative[] = { 30, -1, 20, 10, 10 };
  const double zeros[] = { 0, 0, 0, 0, 0 };
  const double not_a_number[] = { 30, NAN, 20, 10, 10 };
  double weights[TENURE_HEALTH_N_COMPONENTS];

  tenure_health_weights_load (fixture->db, weights);
  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    g_assert_cmpfloat (weights[i], ==, tenure_health_default_weight (i));

  before = tenure_health_compute (fixture->db, MAR, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Refused: nothing is written. */
  g_assert_false (tenure_health_weights_save (fixture->db, negative, &error));
  g_assert_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tenure_health_weights_save (fixture->db, zeros, &error));
  g_assert_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tenure_health_weights_save (fixture->db, not_a_number, &error));
  g_assert_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID);
  g_clear_error (&error);
  tenure_health_weights_load (fixture->db, weights);
  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    g_assert_cmpfloat (weights[i], ==, tenure_health_default_weight (i));

  /* Usage only: A1 has 3 session days of 15, so 20; A3 has none, so 0. */
  edited = tenure_health_compute_with_weights (fixture->db, MAR, NULL, usage_only, NULL,
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_account (edited, "A1")->score, ==, 20);
  g_assert_cmpint (find_account (edited, "A3")->score, ==, 0);
  /* Not saved by computing. */
  tenure_health_weights_load (fixture->db, weights);
  g_assert_cmpfloat (weights[TENURE_HEALTH_JOBS], ==, 30);

  g_assert_true (tenure_health_weights_save (fixture->db, usage_only, &error));
  g_assert_no_error (error);
  text = tenure_db_get_setting (fixture->db, "health_weight_usage", NULL);
  g_assert_cmpstr (text, ==, "1");
  g_clear_pointer (&text, g_free);
  text = tenure_db_get_setting (fixture->db, "health_weight_trend", NULL);
  g_assert_cmpstr (text, ==, "0");

  after = tenure_health_compute (fixture->db, MAR, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (after->weights[TENURE_HEALTH_USAGE], ==, 1);
  g_assert_cmpint (find_account (after, "A1")->score, ==, 20);
  g_assert_cmpint (find_account (after, "A1")->score, !=,
                   find_account (before, "A1")->score);
  g_assert_cmpint (find_account (after, "A1")->drivers[0], ==, TENURE_HEALTH_USAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/account/history", Fixture, NULL, fixture_set_up, test_history,
              fixture_tear_down);
  g_test_add ("/account/history-gone", Fixture, NULL, fixture_set_up, test_history_gone,
              fixture_tear_down);
  g_test_add ("/account/dormant", Fixture, NULL, fixture_set_up, test_dormant,
              fixture_tear_down);
  g_test_add ("/account/weights-save", Fixture, NULL, fixture_set_up, test_weights_save,
              fixture_tear_down);

  return g_test_run ();
}
