/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli scenarios as a user runs it: figures, JSON shape, export/import, exit codes. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-scenario.h"
#include "tenure-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
exec (TenureDb   *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tenure_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/*
 * Month 2026-04. "Audit report" (job J): step 1 content required, step 2 check-in
 * required done on J, step 3 tutorial optional done on any action. Enrolments in the
 * window: A (02-10), B (03-01), C (04-05); D (2026-01-15) is outside.
 *   A: step_done 1 on 02-12 (2 d), J on 02-20 (10 d), action on 02-11 (1 d) → complete
 *   B: step_done 1 on 03-05 (4 d), action 03-01T12:00 (0.5 d)
 *   C: J on 04-06 (1 d) and step_done 1 on 04-09 (4 d) → complete
 * Enrolments 3, completion 66.667 %; step 1: 100 %, median 4; step 2: 66.667 %, median 5.5;
 * step 3: 66.667 %, median 0.75. "Draft" has a step and no enrolment: nulls.
 */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db;
  gint64 id, draft;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "company.tenure", NULL);
  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  exec (db,
        "INSERT INTO job (id, name) VALUES (1, 'Generate the monthly IT audit report');"
        "INSERT INTO account (id, external_id) VALUES (1, 'A'), (2, 'B'), (3, 'C'), (4, 'D');"
        "INSERT INTO event (account_id, at, kind, job_id) VALUES "
        "  (1, '2026-02-20T00:00:00Z', 'job_completed', 1), "
        "  (1, '2026-02-11T00:00:00Z', 'action', NULL), "
        "  (2, '2026-03-01T12:00:00Z', 'action', NULL), "
        "  (3, '2026-04-06T00:00:00Z', 'job_completed', 1), "
        "  (4, '2026-01-16T00:00:00Z', 'job_completed', 1);");
  id = tenure_scenario_create (db, "Audit report", &error);
  g_assert_true (tenure_scenario_set_job (db, id, 1, &error));
  g_assert_cmpint (tenure_scenario_add_step (db, id, 0, TENURE_STEP_CONTENT, "Checklist",
                                             &error), ==, 1);
  g_assert_cmpint (tenure_scenario_add_step (db, id, 0, TENURE_STEP_CHECKIN, "Call", &error),
                   ==, 2);
  g_assert_cmpint (tenure_scenario_add_step (db, id, 0, TENURE_STEP_TUTORIAL, "Video", &error),
                   ==, 3);
  g_assert_true (tenure_step_set_done_when (db, 2, "job_completed", 1, &error));
  g_assert_true (tenure_step_set_day_offset (db, 2, 7, &error));
  g_assert_true (tenure_step_set_required (db, 3, FALSE, &error));
  g_assert_true (tenure_step_set_done_when (db, 3, "action", 0, &error));
  g_assert_true (tenure_scenario_set_active (db, id, TRUE, &error));
  g_assert_no_error (error);
  exec (db,
        "INSERT INTO enrolment (account_id, scenario_id, started_on) VALUES "
        "  (1, 1, '2026-02-10'), (2, 1, '2026-03-01'), (3, 1, '2026-04-05'), "
        "  (4, 1, '2026-01-15');"
        "INSERT INTO step_done (account_id, step_id, done_on) VALUES "
        "  (1, 1, '2026-02-12'), (2, 1, '2026-03-05'), (3, 1, '2026-04-09'), "
        "  (4, 1, '2026-01-15');");

  draft = tenure_scenario_create (db, "Draft", &error);
  g_assert_cmpint (tenure_scenario_add_step (db, draft, 0, TENURE_STEP_CONTENT, "Only",
                                             &error), >, 0);
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

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_members (JsonObject *object,
                const char *expected)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GString *names = g_string_new (NULL);
  g_autofree char *got = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", (const char *) l->data);
  got = g_string_free (names, FALSE);
  g_assert_cmpstr (got, ==, expected);
}

static void
assert_step (JsonArray  *steps,
             guint       index,
             const char *title,
             double      done_pct,
             double      median_days)
{
  JsonObject *step = json_array_get_object_element (steps, index);

  assert_members (step, "position title kind required day_offset done_pct median_days");
  g_assert_cmpint (json_object_get_int_member (step, "position"), ==, index + 1);
  g_assert_cmpstr (json_object_get_string_member (step, "title"), ==, title);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (step, "done_pct"), done_pct,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (step, "median_days"),
                                  median_days, 1e-9);
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root;
  JsonObject *audit;
  JsonObject *draft;
  JsonObject *step;
  JsonArray *scenarios;
  JsonArray *steps;

  g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--month", "2026-04",
                                 "--json", NULL), ==, 0);
  root = parse_object (parser, out);
  assert_members (root, "month scenarios");
  g_assert_cmpstr (json_object_get_string_member (root, "month"), ==, "2026-04");
  scenarios = json_object_get_array_member (root, "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);

  audit = json_array_get_object_element (scenarios, 0);
  assert_members (audit, "name job active enrolments completion_pct steps");
  g_assert_cmpstr (json_object_get_string_member (audit, "name"), ==, "Audit report");
  g_assert_cmpstr (json_object_get_string_member (audit, "job"), ==,
                   "Generate the monthly IT audit report");
  g_assert_true (json_object_get_boolean_member (audit, "active"));
  g_assert_cmpint (json_object_get_int_member (audit, "enrolments"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (audit, "completion_pct"),
                                  200.0 / 3.0, 1e-9);
  steps = json_object_get_array_member (audit, "steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, 3);
  assert_step (steps, 0, "Checklist", 100.0, 4.0);
  assert_step (steps, 1, "Call", 200.0 / 3.0, 5.5);
  assert_step (steps, 2, "Video", 200.0 / 3.0, 0.75);
  step = json_array_get_object_element (steps, 1);
  g_assert_cmpstr (json_object_get_string_member (step, "kind"), ==, "checkin");
  g_assert_true (json_object_get_boolean_member (step, "required"));
  g_assert_cmpint (json_object_get_int_member (step, "day_offset"), ==, 7);
  step = json_array_get_object_element (steps, 2);
  g_assert_false (json_object_get_boolean_member (step, "required"));

  /* Completion never exceeds the done share of a required step. */
  for (guint i = 0; i < 2; i++)
    g_assert_cmpfloat (json_object_get_double_member (audit, "completion_pct"), <=,
                       json_object_get_double_member (json_array_get_object_element (steps, i),
                                                      "done_pct"));

  draft = json_array_get_object_element (scenarios, 1);
  g_assert_cmpstr (json_object_get_string_member (draft, "name"), ==, "Draft");
  g_assert_true (json_object_get_null_member (draft, "job"));
  g_assert_false (json_object_get_boolean_member (draft, "active"));
  g_assert_cmpint (json_object_get_int_member (draft, "enrolments"), ==, 0);
  g_assert_true (json_object_get_null_member (draft, "completion_pct"));
  step = json_array_get_object_element (json_object_get_array_member (draft, "steps"), 0);
  g_assert_true (json_object_get_null_member (step, "done_pct"));
  g_assert_true (json_object_get_null_member (step, "median_days"));

  /* The text form says the same. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--month", "2026-04",
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Audit report"));
  g_assert_nonnull (strstr (out, "enrolments 3, completed 2 (66.7 %)"));
  g_assert_nonnull (strstr (out, "Draft (inactive)"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *json = g_build_filename (fixture->dir, "x.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.tenure", NULL);
  const char *usage[][6] = {
    { "scenarios", fixture->path, NULL },
    { "scenarios", fixture->path, "--month", "2026-13", NULL },
    { "scenarios", fixture->path, "--month", "April", NULL },
    { "scenarios", fixture->path, "--month", "2026-04", "--import", json },
    { "scenarios", fixture->path, "--export", "Audit report", NULL },
    { "scenarios", fixture->path, "--import", json, "--json", NULL },
    { "scenarios", "--month", "2026-04", NULL },
    { "scenarios", fixture->path, "--frobnicate", NULL },
    { "scenarios", fixture->path, "--enrol-auto", "2026-02-30", NULL },
    { "scenarios", fixture->path, "--enrol-auto", "2026-04-01", "--month", "2026-04" },
  };
  g_autofree char *before = test_checksum_file (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (test_run_cli (&out, &err, usage[i][0], usage[i][1], usage[i][2],
                                     usage[i][3], usage[i][4], usage[i][5], NULL), ==, 2);
      g_assert_cmpstr (err, !=, "");
    }

  /* Refused: a workspace that does not exist, a scenario that does not exist. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "scenarios", missing, "--month", "2026-04",
                                   NULL), ==, 1);
    g_assert_nonnull (strstr (err, "does not exist"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--export", "Nope",
                                   json, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "no scenario called “Nope”"));
    g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *after = test_checksum_file (fixture->path);

    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *json = g_build_filename (fixture->dir, "audit.json", NULL);
  g_autofree char *stale = g_build_filename (fixture->dir, ".audit.json.Ab12Cd", NULL);
  g_autofree char *colleague = g_build_filename (fixture->dir, "colleague.tenure", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  gint64 id;

  /* A temporary file left by a killed export is removed by the next one. */
  g_assert_true (g_file_set_contents (stale, "{", -1, NULL));
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--export",
                                   "Audit report", json, NULL), ==, 0);
    g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  }

  /* A folder that does not exist: refused, nothing written. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "a.json", NULL);

    g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--export",
                                   "Audit report", nowhere, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "a.json"));
  }

  /* The colleague's workspace has no job and a scenario of the same name. */
  db = tenure_db_open (colleague, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_scenario_create (db, "Audit report", &error), >, 0);
  tenure_db_close (g_steal_pointer (&db));

  /* An empty month: no enrolments anywhere, an empty list with no scenario. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *empty = g_build_filename (fixture->dir, "empty.tenure", NULL);

    db = tenure_db_open (empty, TENURE_DB_OPEN_CREATE, &error);
    g_assert_no_error (error);
    tenure_db_close (g_steal_pointer (&db));
    g_assert_cmpint (test_run_cli (&out, &err, "scenarios", empty, "--month", "2026-04",
                                   "--json", NULL), ==, 0);
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root = parse_object (parser, out);

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "scenarios")),
                        ==, 0);
    }
  }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "scenarios", colleague, "--import", json, NULL),
                     ==, 0);
    g_assert_nonnull (strstr (out, "Audit report (2)"));
  }

  db = tenure_db_open (colleague, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  id = tenure_scenario_find (db, "Audit report (2)");
  g_assert_cmpint (id, >, 0);
  scenario = tenure_scenario_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scenario->job_name, ==, "Generate the monthly IT audit report");
  g_assert_true (scenario->active);
  g_assert_cmpuint (scenario->steps->len, ==, 3);
  g_assert_cmpstr (((TenureStep *) g_ptr_array_index (scenario->steps, 1))->title, ==, "Call");
  g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 1))->done_when_job_id, ==,
                   scenario->job_id);
  g_assert_false (((TenureStep *) g_ptr_array_index (scenario->steps, 2))->required);
  tenure_db_close (g_steal_pointer (&db));

  /* Importing again gives "(3)". */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "scenarios", colleague, "--import", json, NULL),
                     ==, 0);
    g_assert_nonnull (strstr (out, "Audit report (3)"));
  }
}

static void
test_import_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"format\": \"tenure-scenario\",\n  \"version\": 1 \"name\": \"X\"}", "bad.json:2:" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", \"job\": \"New\", "
      "\"steps\": [{\"kind\": \"content\", \"title\": \"A\", \"day_offset\": -1}]}",
      "bad.json: step 1: A step cannot come 1 days before the enrolment" },
    { "{\"format\": \"tenure-scenario\", \"version\": 1, \"name\": \"X\", "
      "\"steps\": [{\"kind\": \"content\", \"title\": \"  \"}]}",
      "step 1: A step needs a title" },
    { "", "bad.json" },
  };
  g_autofree char *file = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *before = test_checksum_file (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_test_message ("case %u", i);
      g_assert_true (g_file_set_contents (file, cases[i].json, -1, NULL));
      g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--import", file,
                                     NULL), ==, 1);
      g_assert_nonnull (strstr (err, cases[i].message));
      after = test_checksum_file (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }

  /* A missing import file is refused too. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *nowhere = g_build_filename (fixture->dir, "nowhere.json", NULL);
    g_autofree char *after = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--import", nowhere,
                                   NULL), ==, 1);
    g_assert_nonnull (strstr (err, "nowhere.json"));
    after = test_checksum_file (fixture->path);
    g_assert_cmpstr (before, ==, after);
  }
}

/* The demo company's two scenarios give figures a manager would believe. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *demo = g_build_filename (fixture->dir, "demo.tenure", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) all_stats = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root;
  JsonArray *scenarios;

  g_assert_cmpint (test_run_cli (&out, &err, "demo", demo, "--end-month", "2026-10", NULL), ==,
                   0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "scenarios", demo, "--month", "2026-10", "--json",
                                 NULL), ==, 0);
  root = parse_object (parser, out);
  scenarios = json_object_get_array_member (root, "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      JsonObject *scenario = json_array_get_object_element (scenarios, i);
      JsonArray *steps = json_object_get_array_member (scenario, "steps");
      double completion = json_object_get_double_member (scenario, "completion_pct");

      g_assert_true (json_object_get_boolean_member (scenario, "active"));
      g_assert_cmpint (json_object_get_int_member (scenario, "enrolments"), >=, 5);
      g_assert_cmpfloat (completion, >, 0.0);
      g_assert_cmpfloat (completion, <, 100.0);
      g_assert_cmpuint (json_array_get_length (steps), >=, 4);
      for (guint j = 0; j < json_array_get_length (steps); j++)
        {
          JsonObject *step = json_array_get_object_element (steps, j);
          double done = json_object_get_double_member (step, "done_pct");

          g_assert_cmpfloat (done, >=, 0.0);
          g_assert_cmpfloat (done, <=, 100.0);
          if (json_object_get_boolean_member (step, "required"))
            g_assert_cmpfloat (completion, <=, done);
          if (!json_object_get_null_member (step, "median_days"))
            g_assert_cmpfloat (json_object_get_double_member (step, "median_days"), >=, 0.0);
        }
    }

  /* Completing the scenario goes with keeping the customer a year later. */
  db = tenure_db_open (demo, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  all_stats = tenure_scenario_compute_all_stats (db, TENURE_MONTH (2026, 10), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all_stats->len; i++)
    {
      TenureScenarioStats *stats = g_ptr_array_index (all_stats, i);

      g_test_message ("%s: retention12 completed %.1f %% of %u, others %.1f %% of %u",
                      stats->name, stats->retention12_completed_pct,
                      stats->retention12_completed_base, stats->retention12_others_pct,
                      stats->retention12_others_base);
      g_assert_cmpuint (stats->retention12_completed_base, >, 10);
      g_assert_cmpfloat (stats->retention12_completed_pct, >, stats->retention12_others_pct);
    }
}

/*
 * --enrol-auto: "Audit report" (active) enrols Enterprise signups automatically, "Draft"
 * (inactive) does too. Accounts E (Enterprise, signed up 2026-04-10), F (Enterprise, no
 * signup date, first subscription 2026-05-02), G (Enterprise, 2026-03-31, before the day),
 * H (SMB, 2026-04-20) and A (Enterprise, 2026-04-15, enrolled already). From 2026-04-01,
 * E and F are enrolled in "Audit report" from their signup day, nobody in "Draft"; a
 * second run enrols nobody.
 */
static void
test_enrol_auto (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3_stmt *stmt;
  GString *rows = g_string_new (NULL);
  g_autofree char *got = NULL;

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  exec (db,
        "INSERT INTO account (id, external_id, segment, signup_date) VALUES "
        "  (5, 'E', 'Enterprise', '2026-04-10'), (6, 'F', 'Enterprise', NULL), "
        "  (7, 'G', 'Enterprise', '2026-03-31'), (8, 'H', 'SMB', '2026-04-20');"
        "UPDATE account SET segment = 'Enterprise', signup_date = '2026-04-15' WHERE id = 1;"
        "INSERT INTO subscription (account_id, start_date, mrr_cents) VALUES "
        "  (6, '2026-05-02', 10000), (6, '2026-06-01', 10000);"
        "UPDATE scenario SET auto_enrol_segment = 'Enterprise';");
  g_clear_pointer (&db, tenure_db_close);

  g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--enrol-auto",
                                 "2026-04-01", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Enrolled 2 accounts signed up since 2026-04-01"));

  db = tenure_db_open (fixture->path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  stmt = tenure_db_prepare (db,
                            "SELECT a.external_id, s.name, e.started_on FROM enrolment e "
                            "JOIN account a ON a.id = e.account_id "
                            "JOIN scenario s ON s.id = e.scenario_id ORDER BY 1, 2",
                            &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (rows, "%s %s %s;", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  got = g_string_free (rows, FALSE);
  g_assert_cmpstr (got, ==,
                   "A Audit report 2026-02-10;B Audit report 2026-03-01;"
                   "C Audit report 2026-04-05;D Audit report 2026-01-15;"
                   "E Audit report 2026-04-10;F Audit report 2026-05-02;");
  g_clear_pointer (&db, tenure_db_close);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "scenarios", fixture->path, "--enrol-auto",
                                 "2026-04-01", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Enrolled 0 accounts"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/scenarios/figures", test_figures);
  ADD ("/cli/scenarios/usage", test_usage);
  ADD ("/cli/scenarios/export-import", test_export_import);
  ADD ("/cli/scenarios/import-invalid", test_import_invalid);
  ADD ("/cli/scenarios/demo", test_demo);
  ADD ("/cli/scenarios/enrol-auto", test_enrol_auto);
#undef ADD

  return g_test_run ();
}
