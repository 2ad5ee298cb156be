/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli import as a user runs it: summaries, FILE:LINE:COLUMN messages, exit
 * statuses, workspaces left unchanged, and a kill in the middle of a large import. */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <json-glib/json-glib.h>

#include "tenure-db.h"
#include "tenure-scenario.h"
#include "tenure-test-util.h"

static void
test_samples (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *accounts = test_samples_path ("worked-example", "accounts.csv", NULL);
  g_autofree char *subscriptions = test_samples_path ("worked-example", "subscriptions.csv", NULL);
  g_autofree char *french = test_samples_path ("french-excel", "abonnements.csv", NULL);
  g_autofree char *french_workspace = g_build_filename (dir, "french.tenure", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  TenureDb *db;

  /* The workspace is created. */
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 4 rows of accounts.csv as accounts (import 1).\n"
                            "Accounts created: 4\n"
                            "Ignored columns: none\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "subscriptions", subscriptions,
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 7 rows of subscriptions.csv as subscriptions (import 2)."));
  g_assert_nonnull (strstr (out, "Accounts created: 0\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "import", french_workspace, "subscriptions", french,
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Accounts created: 4\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  db = tenure_db_open (workspace, TENURE_DB_OPEN_READ_ONLY, NULL);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT sum(mrr_cents) FROM subscription", -1), ==, 72000);
  tenure_db_close (db);
  db = tenure_db_open (french_workspace, TENURE_DB_OPEN_READ_ONLY, NULL);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT sum(mrr_cents) FROM subscription", -1), ==, 72000);
  tenure_db_close (db);

  /* The same file again: refused without --force, accepted with it. */
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already imported (import 1)"));
  g_assert_nonnull (strstr (err, "--force"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts, "--force",
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Accounts updated: 4\n"));

  test_rmdir_recursive (dir);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_refused (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.tenure", NULL);
  g_autofree char *accounts = test_samples_path ("worked-example", "accounts.csv", NULL);
  g_autofree char *bad = write_file (dir, "subs.csv",
                                     "account_id,start_date,end_date,mrr\n"
                                     "A,2026-03-01,2026-01-01,10\n"
                                     "B,2026-01-01,,-5\n"
                                     "C,12/25/2026,,5\n");
  g_autofree char *cp1252 = g_build_filename (g_getenv ("TENURE_SOURCE_DIR"), "tests", "data",
                                              "accounts-windows-1252.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  before = test_checksum_file (workspace);

  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "subscriptions", bad, NULL), ==, 1);
  expected = g_strdup_printf ("%s:2:14: The end date 2026-01-01 is before the start date "
                              "2026-03-01: correct one of the two dates\n"
                              "%s:3:15: “-5” is negative: amounts must be zero or more; remove "
                              "the row or correct the amount\n"
                              "%s:4:3: “12/25/2026” is not a day/month/year date (there is no "
                              "month 25): if the file writes the month first, import it with "
                              "the mm/dd/yyyy date format (use --date-format mm/dd/yyyy)\n"
                              "tenure-cli: “subs.csv” has 3 problems: nothing was imported\n",
                              bad, bad, bad);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
  after = test_checksum_file (workspace);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&after, g_free);

  /* Windows-1252: refused with the hint, then accepted when asked for. */
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", cp1252, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "accounts-windows-1252.csv:2:7: The text is not valid UTF-8"));
  g_assert_nonnull (strstr (err, "--encoding windows-1252"));
  after = test_checksum_file (workspace);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&after, g_free);

  /* A dry run writes nothing, even when the file is good. */
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", cp1252,
                                 "--encoding", "windows-1252", "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Dry run: 3 rows of accounts-windows-1252.csv would be imported"));
  g_assert_nonnull (strstr (out, "Accounts updated: 3\n"));
  after = test_checksum_file (workspace);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", cp1252,
                                 "--encoding", "windows-1252", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A refused import into a missing workspace leaves no workspace behind; a dry run
   * does not create one. */
  g_assert_cmpint (test_run_cli (&out, &err, "import", missing, "subscriptions", bad, NULL), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "import", missing, "accounts", accounts, "--dry-run",
                                 NULL), ==, 0);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The date format and the mapping. */
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "subscriptions", bad,
                                 "--date-format", "mm/dd/yyyy", NULL), ==, 1);
  g_assert_null (strstr (err, ":4:3:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  test_rmdir_recursive (dir);
}

static void
test_usage (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *csv = write_file (dir, "s.csv", "Customer,Begins,Revenue\nA,2026-01-01,10\n");
  struct { const char *args[6]; const char *message; } cases[] = {
    { { "import", NULL }, "give a workspace, a kind and a CSV file" },
    { { "import", workspace, "invoices", csv, NULL }, "“invoices” is not a kind of file" },
    { { "import", workspace, "subscriptions", csv, "--encoding=latin1", NULL }, "--encoding must be" },
    { { "import", workspace, "subscriptions", csv, "--date-format=yyyy/mm/dd", NULL }, "--date-format must be" },
    { { "import", workspace, "subscriptions", csv, "--decimal=;", NULL }, "--decimal must be" },
    { { "import", workspace, "subscriptions", csv, "--map=Revenue", NULL }, "--map takes COLUMN=FIELD" },
    { { "import", workspace, "subscriptions", csv, "--map=Revenue=money", NULL }, "“money” is not a field of subscriptions files" },
    { { "import", workspace, "subscriptions", csv, "--map=Nope=mrr", NULL }, "The file has no column “nope”" },
    { { "import", workspace, "subscriptions", csv, "--frobnicate", NULL }, "frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (test_run_cli (&out, &err, cases[i].args[0], cases[i].args[1], cases[i].args[2],
                                     cases[i].args[3], cases[i].args[4], cases[i].args[5], NULL), ==, 2);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: %s", i, err);
      g_assert_false (g_file_test (workspace, G_FILE_TEST_EXISTS));
    }

  /* The same file, mapped: imported, the workspace created. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "subscriptions", csv,
                                   "--map", "begins=start_date", "--map", "Revenue=mrr", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Imported 1 row of s.csv"));
    g_assert_nonnull (strstr (out, "Ignored columns: none"));
  }

  test_rmdir_recursive (dir);
}

/* `tenure-cli metrics --month M --json` of @workspace, parsed. */
static JsonObject *
metrics_json (const char *workspace,
              const char *month)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "metrics", workspace, "--month", month, "--json",
                                 NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The worked example imported from its CSV files gives the figures of METRICS.md
 * section 9, and the French Excel export of the same subscriptions the same MRR
 * figures month by month. */
static void
test_metrics_match (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *english = g_build_filename (dir, "english.tenure", NULL);
  g_autofree char *french = g_build_filename (dir, "french.tenure", NULL);
  g_autofree char *abonnements = test_samples_path ("french-excel", "abonnements.csv", NULL);
  const char *kinds[] = { "accounts", "subscriptions", "spend", "responses" };
  const char *months[] = { "2026-01", "2026-02", "2026-03", "2026-04" };
  const gint64 mrr_cents[] = { 15000, 35000, 21000, 39000 };
  const char *same[] = { "mrr_cents", "customers", "new_customers", "reactivated_customers",
                         "churned_customers", "logo_churn_pct", "revenue_churn_pct", "grr_pct",
                         "nrr_pct" };
  const char *movements[] = { "new_cents", "reactivation_cents", "expansion_cents",
                              "contraction_cents", "churn_cents" };
  g_autoptr(JsonObject) april = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat (kinds[i], ".csv", NULL);
      g_autofree char *csv = test_samples_path ("worked-example", name, NULL);

      g_assert_cmpint (test_run_cli (&out, &err, "import", english, kinds[i], csv, NULL), ==, 0);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
  g_assert_cmpint (test_run_cli (&out, &err, "import", french, "subscriptions", abonnements, NULL),
                   ==, 0);

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autoptr(JsonObject) a = metrics_json (english, months[m]);
      g_autoptr(JsonObject) b = metrics_json (french, months[m]);
      JsonObject *a_movements = json_object_get_object_member (a, "movements");
      JsonObject *b_movements = json_object_get_object_member (b, "movements");

      g_assert_cmpint (json_object_get_int_member (a, "mrr_cents"), ==, mrr_cents[m]);
      for (guint i = 0; i < G_N_ELEMENTS (same); i++)
        {
          JsonNode *x = json_object_get_member (a, same[i]);
          JsonNode *y = json_object_get_member (b, same[i]);

          g_assert_nonnull (x);
          g_assert_nonnull (y);
          g_assert_true (json_node_equal (x, y));
        }
      for (guint i = 0; i < G_N_ELEMENTS (movements); i++)
        g_assert_cmpint (json_object_get_int_member (a_movements, movements[i]), ==,
                         json_object_get_int_member (b_movements, movements[i]));
    }

  /* Section 9 at 2026-04, from all four files. */
  april = metrics_json (english, "2026-04");
  g_assert_cmpint (json_object_get_int_member (april, "clv_cents"), ==, 36400);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_object_get_object_member (april, "channels"), "ads"), "cac_cents"),
                   ==, 60000);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (april, "nps"),
                                                    "score"), ==, 20.0);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (april, "cli"),
                                                    "score"), ==, 85.0);

  test_rmdir_recursive (dir);
}

/* Starts a large import and kills it once its progress reaches @percent, after @delay_ms;
 * returns the exit status. */
static int
import_and_kill (const char *workspace,
                 const char *csv,
                 int         percent,
                 guint       delay_ms)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("TENURE_CLI"), "import", workspace, "events", csv,
                         "--progress", NULL };
  gboolean killed = FALSE;
  char line[256];
  FILE *stream;
  int status;
  int err_fd;
  GPid pid;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  stream = fdopen (err_fd, "r");
  while (fgets (line, sizeof line, stream) != NULL)
    {
      int seen;

      if (sscanf (line, "progress: %d%%", &seen) == 1 && seen >= percent)
        {
          g_usleep (delay_ms * 1000);
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          killed = TRUE;
          break;
        }
    }
  g_assert_true (killed);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  fclose (stream);
  g_spawn_close_pid (pid);

  return status;
}

/* How many indexes the schema gives the event table. */
static gint64
count_event_indexes_of_new_workspace (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fresh.tenure", NULL);
  TenureDb *db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, NULL);
  gint64 count;

  g_assert_nonnull (db);
  count = tenure_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                   "AND tbl_name = 'event'", -1);
  tenure_db_close (db);
  test_rmdir_recursive (dir);
  g_assert_cmpint (count, >, 0);

  return count;
}

/* The workspace opens, passes its integrity check, has its event indexes, and holds
 * either what it held before the import or the whole import. */
static gint64
check_after_kill (const char *workspace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 events;
  TenureDb *db;

  db = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  integrity = tenure_db_integrity_check (db, &error);
  g_assert_cmpstr (integrity, ==, "ok");
  events = tenure_db_query_int (db, "SELECT count(*) FROM event", -1);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = "
                                        "'index' AND tbl_name = 'event'", -1), ==,
                   count_event_indexes_of_new_workspace ());
  if (events == 0)
    {
      g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 4);
      g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM job", -1), ==, 0);
      g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM import", -1), ==, 1);
    }
  else
    {
      g_assert_cmpint (events, ==, 300000);
      g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM import", -1), ==, 2);
      g_assert_cmpint (tenure_db_query_int (db, "SELECT rows FROM import WHERE id = 2", -1), ==, 300000);
    }
  tenure_db_close (db);

  g_assert_cmpint (test_run_cli (&out, &err, "check", workspace, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "integrity        ok"));

  return events;
}

/* Kills large imports mid-way (SIGKILL): while reading rows, then near the end, when the
 * indexes are rebuilt and the transaction commits. */
static void
test_kill (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *csv = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *accounts = test_samples_path ("worked-example", "accounts.csv", NULL);
  g_autoptr(GString) data = g_string_new ("account_id,at,kind,job\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  /* Progress goes to 70 % while reading, then up with each index rebuilt. */
  const int late_percents[] = { 75, 90, 99 };
  int status;

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (data, "ACC-%05u,2026-%02u-%02uT%02u:%02u:%02uZ,%s,%s\n",
                            (i * 7919) % 20000, i % 12 + 1, i % 28 + 1, i % 24, i % 60, i % 59,
                            i % 4 == 0 ? "job_completed" : "session", i % 4 == 0 ? "Audit" : "");
  g_assert_true (g_file_set_contents (csv, data->str, (gssize) data->len, NULL));

  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts, NULL), ==, 0);

  /* A third of the way: nothing of the import may be left. */
  status = import_and_kill (workspace, csv, 30, 0);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_cmpint (check_after_kill (workspace), ==, 0);

  /* While the indexes are rebuilt and near the commit: all of it or nothing, whichever
   * side of the commit the kill fell. */
  for (guint i = 0; i < G_N_ELEMENTS (late_percents); i++)
    {
      gint64 events;

      status = import_and_kill (workspace, csv, late_percents[i], 0);
      events = check_after_kill (workspace);
      g_test_message ("killed at %d%%: %s, %" G_GINT64_FORMAT " events", late_percents[i],
                      WIFSIGNALED (status) ? "killed" : "finished", events);
      if (events > 0)
        break;
    }

  test_rmdir_recursive (dir);
}

/* Accounts of a segment that a scenario enrols automatically: the summary says so. */
static void
test_enrolment (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *accounts = write_file (dir, "accounts.csv",
                                          "account_id,segment,signup_date\n"
                                          "E1,Enterprise,2026-10-01\n"
                                          "E2,Enterprise,2026-10-02\n"
                                          "S1,SMB,2026-10-03\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  TenureDb *db;
  gint64 scenario;

  db = tenure_db_open (workspace, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  scenario = tenure_scenario_create (db, "Enterprise onboarding", &error);
  g_assert_cmpint (tenure_scenario_add_step (db, scenario, 0, TENURE_STEP_CONTENT, "Kick-off",
                                             &error), >, 0);
  g_assert_true (tenure_scenario_set_auto_enrol_segment (db, scenario, "Enterprise", &error));
  g_assert_true (tenure_scenario_set_active (db, scenario, TRUE, &error));
  g_assert_no_error (error);
  tenure_db_close (db);

  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts,
                                 "--dry-run", NULL), ==, 0);
  g_assert_null (strstr (out, "Enrolled"));
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Enrolled in onboarding: 2 accounts (automatic enrolment of "
                                 "their segments)\n"));
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts,
                                 "--force", NULL), ==, 0);
  g_assert_null (strstr (out, "Enrolled"));

  db = tenure_db_open (workspace, TENURE_DB_OPEN_READ_ONLY, NULL);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM enrolment", -1), ==, 2);
  tenure_db_close (db);
  test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-import/samples", test_samples);
  g_test_add_func ("/cli-import/refused", test_refused);
  g_test_add_func ("/cli-import/usage", test_usage);
  g_test_add_func ("/cli-import/metrics-match", test_metrics_match);
  g_test_add_func ("/cli-import/enrolment", test_enrolment);
  g_test_add_func ("/cli-import/kill", test_kill);

  return g_test_run ();
}
