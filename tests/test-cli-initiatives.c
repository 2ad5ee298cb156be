/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli initiatives as a user runs it: JSON parsed back, the table, exit codes. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tenure-db.h"
#include "tenure-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* Ten "Key" customers at 100.00, ten others at 50.00; February: 1 Key and 2 others churn;
 * March: 2 others churn (see test-initiative.c): gain 325.00. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GError) error = NULL;
  TenureDb *db;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "company.tenure", NULL);
  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (int i = 1; i <= 20; i++)
    {
      gboolean key = i <= 10;
      const char *end = (i == 1 || i == 11 || i == 12) ? "'2026-02-01'"
                        : (i == 13 || i == 14) ? "'2026-03-01'" : "NULL";

      g_string_append_printf (sql, "INSERT INTO account (id, external_id, segment) "
                              "VALUES (%d, 'a%d', '%s');", i, i, key ? "Key" : "Other");
      g_string_append_printf (sql, "INSERT INTO subscription (account_id, start_date, end_date, "
                              "mrr_cents) VALUES (%d, '2025-12-01', %s, %d);",
                              i, end, key ? 10000 : 5000);
    }
  g_string_append (sql,
                   "INSERT INTO scenario (id, name) VALUES (3, 'First report');"
                   "INSERT INTO initiative (name, cost_cents, start_month, end_month, segment) "
                   "VALUES ('Key account calls', 50000, '2026-02', '2026-03', 'Key'),"
                   " ('Free webinars', 0, '2026-02', '2026-03', 'Key');"
                   "INSERT INTO initiative (name, cost_cents, start_month, end_month, scenario_id) "
                   "VALUES ('Guided setup', 2500, '2026-04', '2026-06', 3);"
                   "COMMIT;");
  g_assert_true (tenure_db_exec (db, sql->str, &error));
  g_assert_no_error (error);
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

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *members[] = { "name", "cost_cents", "first_month", "last_month", "target",
                            "gain_cents", "roi_pct", "targeted_accounts", "other_accounts" };
  JsonObject *root;
  JsonArray *initiatives;
  JsonObject *item;

  g_assert_cmpint (test_run_cli (&out, &err, "initiatives", fixture->path, "--month", "2026-03",
                                 "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "month"), ==, "2026-03");
  initiatives = json_object_get_array_member (root, "initiatives");
  g_assert_cmpuint (json_array_get_length (initiatives), ==, 3);

  /* Free: gain shown, ROI null. */
  item = json_array_get_object_element (initiatives, 0);
  g_assert_cmpuint (json_object_get_size (item), ==, G_N_ELEMENTS (members));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (item, members[i]));
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "Free webinars");
  g_assert_cmpint (json_object_get_int_member (item, "cost_cents"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (item, "gain_cents"), ==, 32500);
  g_assert_true (json_object_get_null_member (item, "roi_pct"));

  /* Paid: (325 − 500) / 500 = −35 %. */
  item = json_array_get_object_element (initiatives, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "Key account calls");
  g_assert_cmpint (json_object_get_int_member (item, "cost_cents"), ==, 50000);
  g_assert_cmpstr (json_object_get_string_member (item, "first_month"), ==, "2026-02");
  g_assert_cmpstr (json_object_get_string_member (item, "last_month"), ==, "2026-03");
  g_assert_cmpstr (json_object_get_string_member (item, "target"), ==, "segment:Key");
  g_assert_cmpint (json_object_get_int_member (item, "gain_cents"), ==, 32500);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (item, "roi_pct"), -35, 1e-9);
  g_assert_cmpint (json_object_get_int_member (item, "targeted_accounts"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (item, "other_accounts"), ==, 8);

  /* Not started: no gain, the whole cost lost, nobody counted. */
  item = json_array_get_object_element (initiatives, 2);
  g_assert_cmpstr (json_object_get_string_member (item, "target"), ==, "scenario:First report");
  g_assert_cmpint (json_object_get_int_member (item, "gain_cents"), ==, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (item, "roi_pct"), -100, 1e-9);
  g_assert_cmpint (json_object_get_int_member (item, "targeted_accounts"), ==, 0);
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "initiatives", fixture->path, "--month", "2026-03",
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Retention initiatives at 2026-03"));
  g_assert_nonnull (strstr (out, "Key account calls"));
  g_assert_nonnull (strstr (out, "325.00 EUR"));
  g_assert_nonnull (strstr (out, "−35.0 %"));
  g_assert_nonnull (strstr (out, "segment:Key"));
  /* 9 and 8 customers: too few to conclude. */
  g_assert_nonnull (strstr (out, "Too few customers to conclude"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.tenure", NULL);

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "initiatives", fixture->path, NULL), ==, 2);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "initiatives", fixture->path, "--month",
                                   "2026-13", NULL), ==, 2);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "initiatives", missing, "--month", "2026-03",
                                   NULL), ==, 1);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "--help", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "initiatives"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli/initiatives/json", test_json);
  ADD ("/cli/initiatives/table", test_table);
  ADD ("/cli/initiatives/usage", test_usage);

  return g_test_run ();
}
