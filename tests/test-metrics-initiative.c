/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Initiative ROI (METRICS.md section 3) on hand-built workspaces. */

#include "config.h"

#include "tenure-date.h"
#include "tenure-initiative.h"
#include "test-metrics-fixture.h"

#define JAN TENURE_MONTH (2026, 1)
#define FEB TENURE_MONTH (2026, 2)
#define MAR TENURE_MONTH (2026, 3)

typedef struct
{
  char     *dir;
  TenureDb *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->db = test_create_workspace (fixture->dir, "test.tenure", FALSE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->db, tenure_db_close);
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
}

static GPtrArray *
roi_at (TenureDb           *db,
        int                 month,
        const TenureFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *result = tenure_initiative_roi (db, month, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The example of METRICS.md: others churn 10 %, targeted 4 %, targeted MRR 50,000.00 at
 * m − 1, cost 1,000.00 → gain 3,000.00, ROI 200 %. */
static void
test_segment_example (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) before = NULL;
  TenureFilter others = { TENURE_FILTER_SEGMENT, "Other" };
  g_autoptr(GPtrArray) filtered = NULL;
  TenureInitiativeRoi *roi;

  for (int i = 1; i <= 35; i++)
    {
      gboolean targeted = i <= 25;
      gboolean churns = i == 1 || i == 26;

      g_string_append_printf (sql, "INSERT INTO account (id, external_id, segment) "
                              "VALUES (%d, 'a%d', '%s');", i, i, targeted ? "Target" : "Other");
      g_string_append_printf (sql, "INSERT INTO subscription (account_id, start_date, end_date, "
                              "mrr_cents) VALUES (%d, '2025-12-01', %s, %d);", i,
                              churns ? "'2026-02-01'" : "NULL", targeted ? 200000 : 1000);
    }
  g_string_append (sql,
                   "INSERT INTO initiative (name, cost_cents, start_month, end_month, segment) "
                   "VALUES ('Calls to key accounts', 100000, '2026-02', '2026-02', 'Target'),"
                   " ('Next year', 5000, '2027-01', '2027-06', 'Target');"
                   "COMMIT;");
  test_sql (fixture->db, sql->str);

  result = roi_at (fixture->db, MAR, NULL);
  g_assert_cmpuint (result->len, ==, 2);
  roi = g_ptr_array_index (result, 0);
  g_assert_cmpstr (roi->name, ==, "Calls to key accounts");
  g_assert_cmpint (roi->start_month, ==, FEB);
  g_assert_cmpstr (roi->segment, ==, "Target");
  g_assert_cmpuint (roi->n_months, ==, 1);
  g_assert_cmpfloat_with_epsilon (roi->gain, 300000, 1e-6);
  g_assert_cmpint (roi->gain_cents, ==, 300000);
  g_assert_cmpfloat_with_epsilon (roi->roi_pct, 200, 1e-9);

  /* Not started yet: no gain, the whole cost lost. */
  roi = g_ptr_array_index (result, 1);
  g_assert_cmpuint (roi->n_months, ==, 0);
  g_assert_cmpint (roi->gain_cents, ==, 0);
  g_assert_cmpfloat_with_epsilon (roi->roi_pct, -100, 1e-9);

  /* Before the initiative's month: nothing counted yet. */
  before = roi_at (fixture->db, JAN, NULL);
  roi = g_ptr_array_index (before, 0);
  g_assert_cmpuint (roi->n_months, ==, 0);

  /* Within the "Other" segment nobody is targeted: no comparison, no gain. */
  filtered = roi_at (fixture->db, MAR, &others);
  roi = g_ptr_array_index (filtered, 0);
  g_assert_cmpuint (roi->n_months, ==, 1);
  g_assert_cmpint (roi->gain_cents, ==, 0);
}

/* Targeted by scenario: accounts count from the month of their enrolment. */
static void
test_scenario (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) february = NULL;
  TenureInitiativeRoi *roi;

  test_sql (fixture->db,
            "INSERT INTO scenario (id, name) VALUES (1, 'First audit report');"
            "INSERT INTO account (id, external_id) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');"
            "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) VALUES"
            " (1, '2026-01-01', NULL, 1000), (2, '2026-01-01', NULL, 1000),"
            " (3, '2026-01-01', '2026-03-01', 1000), (4, '2026-01-01', '2026-02-01', 1000);"
            "INSERT INTO enrolment (account_id, scenario_id, started_on) VALUES"
            " (1, 1, '2026-01-15'), (2, 1, '2026-03-02');"
            "INSERT INTO initiative (name, cost_cents, start_month, end_month, scenario_id) "
            "VALUES ('Onboarding', 0, '2026-02', '2026-03', 1);");

  /* February: targeted {a}, none churned; others {b, c, d}, d churned: 1/3 × 10.00.
   * March: targeted {a, b}, none churned; others {c}, churned: 1 × 20.00. */
  result = roi_at (fixture->db, MAR, NULL);
  g_assert_cmpuint (result->len, ==, 1);
  roi = g_ptr_array_index (result, 0);
  g_assert_cmpint (roi->scenario_id, ==, 1);
  g_assert_null (roi->segment);
  g_assert_cmpuint (roi->n_months, ==, 2);
  g_assert_cmpfloat_with_epsilon (roi->gain, 1000.0 / 3 + 2000, 1e-9);
  g_assert_cmpint (roi->gain_cents, ==, 2333);
  /* No cost: the ROI is undefined. */
  g_assert_true (tenure_metrics_is_null (roi->roi_pct));

  february = roi_at (fixture->db, FEB, NULL);
  roi = g_ptr_array_index (february, 0);
  g_assert_cmpuint (roi->n_months, ==, 1);
  g_assert_cmpint (roi->gain_cents, ==, 333);
}

static void
test_none (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) result = roi_at (fixture->db, MAR, NULL);

  g_assert_cmpuint (result->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

  ADD ("/metrics/initiative/segment", test_segment_example);
  ADD ("/metrics/initiative/scenario", test_scenario);
  ADD ("/metrics/initiative/none", test_none);

  return g_test_run ();
}
