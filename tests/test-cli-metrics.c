/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli metrics as a user runs it: the JSON of the worked example, key by key. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "test-metrics-fixture.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  TenureDb *db;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "worked.tenure", NULL);
  db = test_create_workspace (fixture->dir, "worked.tenure", TRUE);
  tenure_db_close (db);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Runs metrics --json and parses its output. */
static JsonNode *
run_json_warned (const char *path,
                 const char *month,
                 const char *filter,
                 const char *value,
                 const char *warning)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_cmpint (test_run_cli (&out, &err, "metrics", path, "--month", month, "--json",
                                 filter, value, NULL), ==, 0);
  if (warning == NULL)
    g_assert_cmpstr (err, ==, "");
  else
    g_assert_cmpstr (err, ==, warning);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return root;
}

/* The figures as JSON, with nothing on stderr. */
static JsonNode *
run_json (const char *path,
          const char *month,
          const char *filter,
          const char *value)
{
  return run_json_warned (path, month, filter, value, NULL);
}

/* The object has exactly these members. */
static void
assert_keys (JsonObject *object,
             const char *first,
             ...)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint expected = 0;
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    {
      if (!json_object_has_member (object, key))
        g_error ("missing key “%s”", key);
      expected++;
    }
  va_end (args);

  g_assert_cmpuint (g_list_length (members), ==, expected);
}

static void
assert_int (JsonObject *object,
            const char *key,
            gint64      expected)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, expected);
}

static void
assert_double (JsonObject *object,
               const char *key,
               double      expected)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_false (JSON_NODE_HOLDS_NULL (node));
  /* Full precision: the value read back is the double computed, to the last bit or so. */
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), expected,
                                  1e-12 * MAX (1, fabs (expected)));
}

static void
assert_null (JsonObject *object,
             const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_NULL (node));
}

static JsonObject *
member_object (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
assert_double_array (JsonObject   *object,
                     const char   *key,
                     const double *expected,
                     guint         n)
{
  JsonArray *array = json_object_get_array_member (object, key);

  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (array, i), expected[i], 1e-9);
}

static void
test_worked_example_april (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) root = run_json (fixture->path, "2026-04", NULL, NULL);
  JsonObject *o = json_node_get_object (root);
  JsonObject *sub;
  JsonObject *channel;
  JsonArray *cohorts;
  static const double jan_logo[] = { 100, 100, 50, 50 };
  static const double jan_revenue[] = { 100, 100, 13000.0 / 150, 13000.0 / 150 };
  static const double feb_both[] = { 100, 0, 100 };
  static const double mar_logo[] = { 100, 100 };
  static const double mar_revenue[] = { 100, 75 };

  assert_keys (o, "month", "currency", "mrr_cents", "customers", "arpa_cents", "movements",
               "new_customers", "reactivated_customers", "churned_customers", "logo_churn_pct",
               "revenue_churn_pct", "grr_pct", "nrr_pct", "nrr_trailing12_pct", "clv_cents",
               "channels", "nps", "cli", "taj", "signal48h_pct", "ttfv_median_days",
               "ttfv_reached_pct", "health", "cohorts", "funnel", "dormant", NULL);

  g_assert_cmpstr (json_object_get_string_member (o, "month"), ==, "2026-04");
  g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, "EUR");
  assert_int (o, "mrr_cents", 39000);
  assert_int (o, "customers", 3);
  assert_int (o, "arpa_cents", 13000);

  sub = member_object (o, "movements");
  assert_keys (sub, "new_cents", "reactivation_cents", "expansion_cents", "contraction_cents",
               "churn_cents", NULL);
  assert_int (sub, "new_cents", 0);
  assert_int (sub, "reactivation_cents", 20000);
  assert_int (sub, "expansion_cents", 0);
  assert_int (sub, "contraction_cents", -2000);
  assert_int (sub, "churn_cents", 0);

  assert_int (o, "new_customers", 0);
  assert_int (o, "reactivated_customers", 1);
  assert_int (o, "churned_customers", 0);
  assert_double (o, "logo_churn_pct", 0);
  assert_double (o, "revenue_churn_pct", 200000.0 / 21000);
  assert_double (o, "grr_pct", 1900000.0 / 21000);
  assert_double (o, "nrr_pct", 1900000.0 / 21000);
  assert_null (o, "nrr_trailing12_pct");
  assert_int (o, "clv_cents", 36400);

  sub = member_object (o, "channels");
  assert_keys (sub, "ads", "referral", NULL);
  channel = member_object (sub, "ads");
  assert_keys (channel, "spend_cents", "new_customers", "cac_cents", "clv_cac_ratio",
               "payback_months", NULL);
  assert_int (channel, "spend_cents", 120000);
  assert_int (channel, "new_customers", 2);
  assert_int (channel, "cac_cents", 60000);
  assert_double (channel, "clv_cac_ratio", 36400.0 / 60000);
  assert_double (channel, "payback_months", 60000.0 / (13000 * 0.8));
  channel = member_object (sub, "referral");
  assert_int (channel, "spend_cents", 0);
  assert_int (channel, "new_customers", 2);
  assert_int (channel, "cac_cents", 0);
  assert_null (channel, "clv_cac_ratio");
  assert_double (channel, "payback_months", 0);

  sub = member_object (o, "nps");
  assert_keys (sub, "score", "responses", "promoters", "passives", "detractors", NULL);
  assert_double (sub, "score", 20);
  assert_int (sub, "responses", 10);
  assert_int (sub, "promoters", 5);
  assert_int (sub, "passives", 2);
  assert_int (sub, "detractors", 3);
  sub = member_object (o, "cli");
  assert_keys (sub, "score", "responses", NULL);
  assert_double (sub, "score", 85);
  assert_int (sub, "responses", 4);

  /* No events in the worked example: the signups of January–March are all in bucket 0. */
  sub = member_object (o, "taj");
  assert_keys (sub, "bucket_0", "bucket_1_3", "bucket_4_plus", "retention12_by_bucket", NULL);
  assert_int (sub, "bucket_0", 4);
  assert_int (sub, "bucket_1_3", 0);
  assert_int (sub, "bucket_4_plus", 0);
  sub = member_object (sub, "retention12_by_bucket");
  assert_keys (sub, "0", "1-3", "4+", NULL);
  assert_null (sub, "0");
  assert_null (sub, "1-3");
  assert_null (sub, "4+");
  assert_null (o, "signal48h_pct");
  assert_null (o, "ttfv_median_days");
  assert_double (o, "ttfv_reached_pct", 0);

  /* Without events every customer is red: A 35 (NPS 10, MRR up), C 28, D 22. The
   * back-test scores A and B in January; B has gone by April. */
  sub = member_object (o, "health");
  assert_keys (sub, "green", "amber", "red", "backtest", NULL);
  assert_int (sub, "green", 0);
  assert_int (sub, "amber", 0);
  assert_int (sub, "red", 3);
  sub = member_object (sub, "backtest");
  assert_keys (sub, "green", "amber", "red", NULL);
  assert_keys (member_object (sub, "green"), "accounts", "churned_pct", NULL);
  assert_int (member_object (sub, "green"), "accounts", 0);
  assert_null (member_object (sub, "green"), "churned_pct");
  assert_int (member_object (sub, "amber"), "accounts", 0);
  assert_int (member_object (sub, "red"), "accounts", 2);
  assert_double (member_object (sub, "red"), "churned_pct", 50);

  cohorts = json_object_get_array_member (o, "cohorts");
  g_assert_cmpuint (json_array_get_length (cohorts), ==, 3);
  sub = json_array_get_object_element (cohorts, 0);
  assert_keys (sub, "cohort", "size", "logo_pct", "revenue_pct", NULL);
  g_assert_cmpstr (json_object_get_string_member (sub, "cohort"), ==, "2026-01");
  assert_int (sub, "size", 2);
  assert_double_array (sub, "logo_pct", jan_logo, 4);
  assert_double_array (sub, "revenue_pct", jan_revenue, 4);
  sub = json_array_get_object_element (cohorts, 1);
  g_assert_cmpstr (json_object_get_string_member (sub, "cohort"), ==, "2026-02");
  assert_int (sub, "size", 1);
  assert_double_array (sub, "logo_pct", feb_both, 3);
  assert_double_array (sub, "revenue_pct", feb_both, 3);
  sub = json_array_get_object_element (cohorts, 2);
  g_assert_cmpstr (json_object_get_string_member (sub, "cohort"), ==, "2026-03");
  assert_int (sub, "size", 1);
  assert_double_array (sub, "logo_pct", mar_logo, 2);
  assert_double_array (sub, "revenue_pct", mar_revenue, 2);

  sub = member_object (o, "funnel");
  assert_keys (sub, "awareness", "conversion", "purchase", "activation", "renewal",
               "recommendation", NULL);
  assert_null (sub, "awareness");
  assert_int (sub, "conversion", 0);
  assert_int (sub, "purchase", 0);
  assert_int (sub, "activation", 0);
  assert_int (sub, "renewal", 0);
  assert_int (sub, "recommendation", 5);

  sub = member_object (o, "dormant");
  assert_keys (sub, "accounts", "pct", "mrr_cents", NULL);
  assert_int (sub, "accounts", 3);
  assert_double (sub, "pct", 100);
  assert_int (sub, "mrr_cents", 39000);
}

static void
test_worked_example_march (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) root = run_json (fixture->path, "2026-03", NULL, NULL);
  JsonObject *o = json_node_get_object (root);
  JsonObject *movements = member_object (o, "movements");

  assert_int (o, "mrr_cents", 21000);
  assert_int (o, "customers", 2);
  assert_int (o, "arpa_cents", 10500);
  assert_int (movements, "new_cents", 8000);
  assert_int (movements, "expansion_cents", 3000);
  assert_int (movements, "churn_cents", -25000);
  assert_int (o, "churned_customers", 2);
  assert_double (o, "logo_churn_pct", 200.0 / 3);
  assert_double (o, "revenue_churn_pct", 2500000.0 / 35000);
  assert_double (o, "grr_pct", 1000000.0 / 35000);
  assert_double (o, "nrr_pct", 1300000.0 / 35000);
  assert_null (member_object (o, "nps"), "score");
  assert_int (member_object (o, "funnel"), "conversion", 1);
}

static void
test_feb_arpa (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonNode) root = run_json (fixture->path, "2026-02", NULL, NULL);

  assert_int (json_node_get_object (root), "arpa_cents", 11667);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonNode) ads = run_json (fixture->path, "2026-04", "--channel", "ads");
  g_autoptr(JsonNode) smb = run_json (fixture->path, "2026-04", "--segment", "SMB");
  g_autoptr(JsonNode) pro = run_json (fixture->path, "2026-04", "--plan", "Pro");
  /* A typo gives an empty group, with a warning naming the groups there are. */
  g_autoptr(JsonNode) nope =
    run_json_warned (fixture->path, "2026-04", "--segment", "Nope",
                     "tenure-cli: warning: no account of the workspace has --segment “Nope”: "
                     "the figures are all zero or empty. The workspace has: Enterprise, Mid-market, SMB\n");
  JsonObject *o;

  o = json_node_get_object (ads);
  assert_int (o, "mrr_cents", 33000);
  assert_int (o, "customers", 2);
  assert_int (o, "clv_cents", 52800);
  assert_keys (member_object (o, "channels"), "ads", NULL);
  assert_int (member_object (o, "nps"), "responses", 2);
  o = json_node_get_object (smb);
  assert_int (o, "mrr_cents", 33000);
  o = json_node_get_object (pro);
  assert_int (o, "mrr_cents", 33000);

  /* The report warns the same way, and is still written. */
  {
    g_autofree char *report = g_build_filename (fixture->dir, "nope.xlsx", NULL);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "report", fixture->path, "--month", "2026-04",
                                   "--channel", "tv", "--output", report, NULL), ==, 0);
    g_assert_nonnull (strstr (err, "warning: no account of the workspace has --channel “tv”"));
    g_assert_nonnull (strstr (err, "The workspace has: ads"));
    g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  }

  /* An unknown value is an empty group. */
  o = json_node_get_object (nope);
  assert_int (o, "mrr_cents", 0);
  assert_int (o, "customers", 0);
  assert_null (o, "arpa_cents");
  assert_null (o, "logo_churn_pct");
  assert_null (member_object (o, "nps"), "score");
  assert_null (member_object (o, "dormant"), "pct");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "cohorts")), ==, 0);
}

/* A month with no data is not an error. */
static void
test_empty_month (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) root = run_json (fixture->path, "2019-07", NULL, NULL);
  JsonObject *o = json_node_get_object (root);

  assert_int (o, "mrr_cents", 0);
  assert_int (o, "customers", 0);
  assert_null (o, "arpa_cents");
  assert_null (o, "grr_pct");
  assert_null (o, "clv_cents");
  assert_keys (member_object (o, "channels"), NULL);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = test_checksum_file (fixture->path);
  g_autofree char *after = NULL;
  static const char * const bad_months[] = { "2026-13", "2026-4", "April", "2026-00", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_months); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (test_run_cli (&out, &err, "metrics", fixture->path, "--month",
                                     bad_months[i], "--json", NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "YYYY-MM"));
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "metrics", fixture->path, NULL), ==, 2);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "metrics", fixture->path, "--month", "2026-04",
                                   "--segment", "SMB", "--channel", "ads", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "one filter"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *missing = g_build_filename (fixture->dir, "missing.tenure", NULL);

    g_assert_cmpint (test_run_cli (&out, &err, "metrics", missing, "--month", "2026-04", NULL),
                     ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* Read-only: nothing of the above, nor a successful run, changes the file. */
  {
    g_autoptr(JsonNode) root = run_json (fixture->path, "2026-04", NULL, NULL);
  }
  after = test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "metrics", fixture->path, "--month", "2026-04",
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Metrics for 2026-04"));
  g_assert_nonnull (strstr (out, "390.00 EUR"));
  g_assert_nonnull (strstr (out, "130.00 EUR"));
  g_assert_nonnull (strstr (out, "364.00 EUR"));
  g_assert_nonnull (strstr (out, "Net revenue retention"));
  g_assert_nonnull (strstr (out, "90.5 %"));
  /* Undefined figures are a dash, never 0. */
  g_assert_nonnull (strstr (out, "—"));
  g_assert_null (strstr (out, "nan"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

  ADD ("/cli/metrics/worked-example/april", test_worked_example_april);
  ADD ("/cli/metrics/worked-example/march", test_worked_example_march);
  ADD ("/cli/metrics/worked-example/february", test_feb_arpa);
  ADD ("/cli/metrics/filters", test_filters);
  ADD ("/cli/metrics/empty-month", test_empty_month);
  ADD ("/cli/metrics/usage-errors", test_usage_errors);
  ADD ("/cli/metrics/summary", test_summary);

  return g_test_run ();
}
