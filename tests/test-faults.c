/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fault injection: a full disk, a read-only connection, a workspace locked by another
 * program, a damaged file, absurd values, a renamed workspace and two writers. */

#include "config.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tenure-db.h"
#include "tenure-file.h"
#include "tenure-import.h"
#include "tenure-scenario.h"
#include "tenure-test-util.h"

/* A workspace holding the accounts of the worked example, made through the CLI. */
static char *
make_workspace (const char *dir)
{
  char *workspace = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *accounts = test_samples_path ("worked-example", "accounts.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", accounts, NULL),
                   ==, 0);

  return workspace;
}

/* "table=rows ..." for every table of the schema. */
static char *
row_counts (TenureDb *db)
{
  g_autoptr(GString) counts = g_string_new (NULL);

  for (guint i = 0; tenure_db_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", tenure_db_tables[i]);

      g_string_append_printf (counts, "%s=%" G_GINT64_FORMAT " ", tenure_db_tables[i],
                              tenure_db_query_int (db, sql, -1));
    }

  return g_string_free (g_steal_pointer (&counts), FALSE);
}

static char *
row_counts_of_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_autofree char *integrity = NULL;

  g_assert_no_error (error);
  integrity = tenure_db_integrity_check (db, &error);
  g_assert_cmpstr (integrity, ==, "ok");

  return row_counts (db);
}

static char *
write_events_csv (const char *dir,
                  guint       n_rows)
{
  char *csv = g_build_filename (dir, "events.csv", NULL);
  g_autoptr(GString) data = g_string_new ("account_id,at,kind\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (data, "ACC-%05u,2026-%02u-%02uT%02u:%02u:00Z,session\n",
                            (i * 7919) % 20000, i % 12 + 1, i % 28 + 1, i % 24, i % 60);
  g_assert_true (g_file_set_contents (csv, data->str, (gssize) data->len, NULL));

  return csv;
}

/* The disk fills up (max_page_count just above the file's size) during an import and
 * during a scenario edit: a clear error, nothing written, the workspace still sound. */
static void
test_disk_full (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *csv = write_events_csv (dir, 20000);
  g_autofree char *before = row_counts_of_file (workspace);
  g_autofree char *after = NULL;
  g_autofree char *pragma = NULL;
  g_autofree char *huge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureImportResult) result = NULL;
  g_auto(TenureImportOptions) options;
  TenureDb *db;
  gint64 pages;
  gint64 scenario;

  db = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  scenario = tenure_scenario_create (db, "Welcome", &error);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = row_counts (db);

  pages = tenure_db_query_int (db, "PRAGMA page_count", -1);
  g_assert_cmpint (pages, >, 0);
  pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_true (tenure_db_exec (db, pragma, &error));
  g_assert_no_error (error);

  tenure_import_options_init (&options);
  g_assert_false (tenure_import_file (db, csv, TENURE_IMPORT_KIND_EVENTS, &options, &result,
                                      NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("import on a full disk: %s", error->message);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  after = row_counts (db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* 100,000 characters need more pages than are left. */
  huge = g_strnfill (100000, 'x');
  g_assert_false (tenure_scenario_set_description (db, scenario, huge, &error));
  g_assert_nonnull (error);
  g_test_message ("scenario edit on a full disk: %s", error->message);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  /* The connection is still usable once there is room again. */
  g_assert_true (tenure_db_exec (db, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_true (tenure_scenario_set_description (db, scenario, "Short", &error));
  g_assert_no_error (error);
  tenure_db_close (db);

  after = row_counts_of_file (workspace);
  g_assert_cmpstr (after, ==, before);

  test_rmdir_recursive (dir);
}

/* Writes through a read-only connection are refused with a message, the file unchanged. */
static void
test_read_only (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *csv = write_events_csv (dir, 100);
  g_autofree char *before = test_checksum_file (workspace);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureImportResult) result = NULL;
  g_auto(TenureImportOptions) options;
  TenureDb *db;

  db = tenure_db_open (workspace, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (tenure_db_is_read_only (db));

  g_assert_cmpint (tenure_scenario_create (db, "Welcome", &error), <=, 0);
  g_assert_nonnull (error);
  g_test_message ("scenario on a read-only connection: %s", error->message);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_clear_error (&error);

  tenure_import_options_init (&options);
  g_assert_false (tenure_import_file (db, csv, TENURE_IMPORT_KIND_EVENTS, &options, &result,
                                      NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("import on a read-only connection: %s", error->message);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_clear_error (&error);
  tenure_db_close (db);

  after = test_checksum_file (workspace);
  g_assert_cmpstr (after, ==, before);

  test_rmdir_recursive (dir);
}

/* Another program holds a write transaction: the import waits for the busy timeout, then
 * says so; the workspace is unchanged, and the import works once the lock is gone. */
static void
test_locked (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *csv = write_events_csv (dir, 100);
  g_autofree char *before = row_counts_of_file (workspace);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *other = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open_v2 (workspace, &other, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; "
                                        "INSERT INTO job (name) VALUES ('Lock holder')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "events", csv, NULL), ==, 1);
  g_test_message ("locked: %s (after %.1f s)", err,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_nonnull (strstr (err, "being changed by another program"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  after = row_counts_of_file (workspace);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "events", csv, NULL), ==, 0);

  test_rmdir_recursive (dir);
}

/* A copy with a damaged page in the middle: check says "damaged" (exit 1), metrics fails
 * with a clear message and backup refuses to copy it, none crashes; the original is
 * untouched. */
static void
test_corrupt (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "demo.tenure", NULL);
  g_autofree char *copy = g_build_filename (dir, "damaged.tenure", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.tenure", NULL);
  g_autofree char *original_sum = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize length = 0;
  gsize middle;

  g_assert_cmpint (test_run_cli (&out, &err, "demo", "--accounts", "100", "--end-month",
                                 "2026-03", workspace, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  original_sum = test_checksum_file (workspace);

  g_assert_true (g_file_get_contents (workspace, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 64 * 4096);
  /* Several whole pages in the middle overwritten with garbage. */
  middle = (length / 2) & ~(gsize) 4095;
  memset (contents + middle, 0xa5, 16 * 4096);
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));

  g_assert_cmpint (test_run_cli (&out, &err, "check", copy, NULL), ==, 1);
  g_test_message ("check: %s", err);
  g_assert_nonnull (strstr (err, "damaged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "metrics", copy, "--month", "2026-03", NULL),
                   ==, 1);
  g_test_message ("metrics: %s", err);
  g_assert_nonnull (strstr (err, "damaged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A backup of it would be damaged too: refused, and no file appears. */
  g_assert_cmpint (test_run_cli (&out, &err, "backup", copy, backup, NULL), ==, 1);
  g_test_message ("backup: %s", err);
  g_assert_nonnull (strstr (err, "no backup was written"));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "backup", workspace, backup, NULL), ==, 0);
  g_assert_cmpint (test_run_cli (&out, &err, "check", backup, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  sum = test_checksum_file (workspace);
  g_assert_cmpstr (sum, ==, original_sum);
  g_assert_cmpint (test_run_cli (&out, &err, "check", workspace, NULL), ==, 0);

  test_rmdir_recursive (dir);
}

/* Malformed months and option values for every command: exit 2, naming what is wrong. */
static void
test_bad_options (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *report = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *csv = write_events_csv (dir, 10);
  g_autofree char *before = test_checksum_file (workspace);
  g_autofree char *after = NULL;
  const struct
  {
    const char *args[10];
    const char *named;
  } cases[] = {
    { { "metrics", workspace, "--month", "2026-13", NULL }, "--month “2026-13”" },
    { { "metrics", workspace, "--month", "2026-1", NULL }, "--month “2026-1”" },
    { { "metrics", workspace, "--month", "", NULL }, "--month “”" },
    { { "metrics", workspace, NULL }, "--month" },
    { { "metrics", workspace, "--month", "2026-03", "--bogus", NULL }, "--bogus" },
    { { "audit", workspace, "--month", "26-03", NULL }, "--month “26-03”" },
    { { "audit", workspace, "--month", "2026-03", "--threshold", "abc", NULL }, "threshold" },
    { { "report", workspace, "--month", "2026-00", "-o", report, NULL }, "--month “2026-00”" },
    { { "report", workspace, "--month", "2026-03", NULL }, "--output" },
    { { "report", workspace, "--month", "2026-03", "-o", report, "--language", "de", NULL },
      "de" },
    { { "demo", "--accounts", "0", "x.tenure", NULL }, "--accounts" },
    { { "demo", "--accounts", "-5", "x.tenure", NULL }, "--accounts" },
    { { "demo", "--months", "99999999999999999999", "x.tenure", NULL }, "--months" },
    { { "demo", "--end-month", "March", "x.tenure", NULL }, "--end-month “March”" },
    { { "import", workspace, "nonsense", csv, NULL }, "nonsense" },
    { { "import", workspace, "events", csv, "--encoding", "ebcdic", NULL }, "ebcdic" },
    { { "import", workspace, "events", csv, "--date-format", "yyyy", NULL }, "yyyy" },
    { { "check", NULL }, "workspace" },
    { { "backup", workspace, NULL }, "give a workspace" },
    { { "scenarios", workspace, "--bogus", NULL }, "--bogus" },
    { { "questions", workspace, "--bogus", NULL }, "--bogus" },
    { { "check", workspace, "--bogus", NULL }, "--bogus" },
    { { "backup", workspace, "x", "--bogus", NULL }, "--bogus" },
    { { "import", workspace, "events", csv, "--bogus", NULL }, "--bogus" },
    { { "demo", "--bogus", "x.tenure", NULL }, "--bogus" },
    { { "report", workspace, "--bogus", NULL }, "--bogus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status = 0;

      g_ptr_array_add (argv, (gpointer) g_getenv ("TENURE_CLI"));
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[j]);
      g_ptr_array_add (argv, NULL);
      g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL,
                                   NULL, &out, &err, &wait_status, &error));
      g_test_message ("%s %s: %s", cases[i].args[0], cases[i].named, err);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
      g_assert_true (g_str_has_prefix (err, "tenure-cli: "));
      g_assert_nonnull (strstr (err, cases[i].named));
    }

  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
  {
    g_autofree char *never_created = g_build_filename (dir, "x.tenure", NULL);

    g_assert_false (g_file_test (never_created, G_FILE_TEST_EXISTS));
  }
  after = test_checksum_file (workspace);
  g_assert_cmpstr (after, ==, before);

  test_rmdir_recursive (dir);
}

/* Very long, emoji and right-to-left text is kept exactly by the scenario editors. */
static void
test_absurd_text (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *huge = g_strnfill (100000, 'a');
  const char *names[] = {
    "Bienvenue 🎉🚀 à bord",
    "مرحبا بكم في الخدمة",
    "שלום Welcome مرحبا 👋🏽",
    "Zero\u200bwidth and combining e\u0301",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TenureScenario) loaded = NULL;
      gint64 id = tenure_scenario_create (db, names[i], &error);
      gint64 step;

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpint (tenure_scenario_find (db, names[i]), ==, id);
      step = tenure_scenario_add_step (db, id, 0, TENURE_STEP_CONTENT, names[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (step, >, 0);
      g_assert_true (tenure_scenario_set_description (db, id, huge, &error));
      g_assert_no_error (error);
      loaded = tenure_scenario_load (db, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (loaded->name, ==, names[i]);
      g_assert_cmpstr (loaded->description, ==, huge);
      g_assert_cmpuint (loaded->steps->len, ==, 1);
      g_assert_cmpstr (((TenureStep *) g_ptr_array_index (loaded->steps, 0))->title, ==,
                       names[i]);
    }

  /* A 100,000-character title: kept whole or refused with a message, never cut. */
  {
    gint64 id = tenure_scenario_create (db, huge, &error);

    if (id > 0)
      {
        g_autoptr(TenureScenario) loaded = tenure_scenario_load (db, id, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (loaded->name, ==, huge);
      }
    else
      {
        g_assert_nonnull (error);
        g_test_message ("100,000-character name: %s", error->message);
        g_clear_error (&error);
      }
  }

  test_rmdir_recursive (dir);
}

/* Emoji and right-to-left names reach the report as the same text: the company name and
 * a scenario renamed, read back from the workbook's XML. */
static void
test_report_text (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "demo.tenure", NULL);
  g_autofree char *report = g_build_filename (dir, "report.xlsx", NULL);
  const char *company = "شركة Sentinelle 🛡️";
  const char *scenario_name = "ברוכים הבאים 🚀 مرحبا";
  const char *unzip[] = { "unzip", "-p", report, NULL };
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;
  TenureDb *db;

  g_assert_cmpint (test_run_cli (&out, &err, "demo", "--accounts", "100", "--end-month",
                                 "2026-03", workspace, NULL), ==, 0);
  db = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (tenure_db_set_setting (db, "company_name", company, &error));
  scenarios = tenure_scenario_load_all (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, >, 0);
  for (guint i = 0; i < scenarios->len; i++)
    {
      TenureScenario *scenario = g_ptr_array_index (scenarios, i);
      g_autofree char *name = g_strdup_printf ("%s %u", scenario_name, i);

      g_assert_true (tenure_scenario_rename (db, scenario->id, name, &error));
      g_assert_no_error (error);
    }
  tenure_db_close (db);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "report", workspace, "--month", "2026-03", "-o",
                                 report, NULL), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) unzip, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &xml, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (xml, company));
  g_assert_nonnull (strstr (xml, scenario_name));

  test_rmdir_recursive (dir);
}

/* The workspace renamed while it is open: reads keep working, writes are refused with a
 * message (they would go to a write-ahead log the new name never reads, and be lost),
 * and the file opens under its new name, sound and writable. */
static void
test_renamed (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *moved = g_build_filename (dir, "moved.tenure", NULL);
  g_autoptr(GError) error = NULL;
  TenureDb *db = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_false (tenure_db_has_moved (db));
  g_assert_cmpint (g_rename (workspace, moved), ==, 0);
  g_assert_true (tenure_db_has_moved (db));
  g_assert_cmpint (tenure_scenario_create (db, "After the move", &error), <=, 0);
  g_assert_nonnull (error);
  g_test_message ("after a rename: %s", error->message);
  g_assert_nonnull (strstr (error->message, "moved, renamed or deleted"));
  g_clear_error (&error);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 4);
  tenure_db_close (db);

  db = tenure_db_open (moved, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 4);
  g_assert_cmpint (tenure_scenario_find (db, "After the move"), ==, 0);
  g_assert_cmpint (tenure_scenario_create (db, "After the move", &error), >, 0);
  g_assert_no_error (error);
  tenure_db_close (db);

  db = tenure_db_open (moved, TENURE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_scenario_find (db, "After the move"), >, 0);
  tenure_db_close (db);

  test_rmdir_recursive (dir);
}

typedef struct
{
  const char *path;
  gint64      id;
  GError     *error;
} Writer;

static gpointer
second_writer (gpointer data)
{
  Writer *writer = data;
  TenureDb *db = tenure_db_open (writer->path, TENURE_DB_OPEN_DEFAULT, &writer->error);

  if (db != NULL)
    {
      writer->id = tenure_scenario_create (db, "Second", &writer->error);
      tenure_db_close (db);
    }

  return NULL;
}

/* Two connections write the same workspace: BEGIN IMMEDIATE makes the second wait for the
 * first to commit, and both changes are there. */
static void
test_two_writers (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autoptr(GError) error = NULL;
  TenureDb *first = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);
  Writer writer = { workspace, 0, NULL };
  GThread *thread;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (tenure_db_begin (first, &error));
  id = tenure_scenario_create (first, "First", &error);
  g_assert_no_error (error);
  thread = g_thread_new ("second-writer", second_writer, &writer);
  g_usleep (300 * 1000);
  /* The second is still waiting for the lock. */
  g_assert_cmpint (writer.id, ==, 0);
  g_assert_true (tenure_db_commit (first, &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  g_assert_no_error (writer.error);
  g_assert_cmpint (writer.id, >, id);

  g_assert_cmpint (tenure_scenario_find (first, "First"), ==, id);
  g_assert_cmpint (tenure_scenario_find (first, "Second"), ==, writer.id);
  tenure_db_close (first);

  test_rmdir_recursive (dir);
}

/* `demo --force` on a workspace another program has open refuses and leaves it as it
 * was: a reader that is idle between reads (a Tenure window showing it), one inside a
 * read transaction, a writer. With nobody left, it replaces it. */
static void
test_demo_force_in_use (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *before = row_counts_of_file (workspace);
  g_autofree char *after = NULL;
  const char *holders[] = {
    "SELECT count(*) FROM account;",
    "BEGIN; SELECT count(*) FROM account;",
    "BEGIN IMMEDIATE; INSERT INTO job (name) VALUES ('Lock holder');",
  };

  for (guint i = 0; i < G_N_ELEMENTS (holders); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int input = -1;
      GPid pid = test_start_sqlite3 (workspace, holders[i], &input);

      g_assert_cmpint (test_run_cli (&out, &err, "demo", "--force", "--accounts", "20",
                                     "--end-month", "2026-03", workspace, NULL), ==, 1);
      g_test_message ("demo --force while \"%s\": %s", holders[i], err);
      g_assert_nonnull (strstr (err, "is open in Tenure or another program: close it"));
      test_stop_sqlite3 (pid, input);

      after = row_counts_of_file (workspace);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (&out, &err, "demo", "--force", "--accounts", "20",
                                   "--end-month", "2026-03", workspace, NULL), ==, 0);
    after = row_counts_of_file (workspace);
    g_assert_cmpstr (after, !=, before);
  }

  test_rmdir_recursive (dir);
}

static gint64
sqlite3_count (const char *workspace,
               const char *sql)
{
  const char *argv[] = { "sqlite3", workspace, sql, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_ascii_strtoll (out, NULL, 10);
}

/* Opening a second connection must not drop the first one's locks (closing any
 * descriptor of a file drops all the process's POSIX locks on it): another program
 * closing the workspace would then take itself for the last user, delete the
 * write-ahead log and its index, and leave this process reading and writing files
 * nobody else sees. Every change of each side stays visible to the other. */
static void
test_shared_locks (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autoptr(GError) error = NULL;
  TenureDb *reader = tenure_db_open (workspace, TENURE_DB_OPEN_READ_ONLY, &error);
  TenureDb *writer;
  gint64 version = 0;
  gint64 later = 0;
  guint local;

  g_assert_no_error (error);
  g_assert_true (tenure_db_get_data_version (reader, &version, &error));
  writer = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 1; i <= 3; i++)
    {
      g_assert_cmpint (sqlite3_count (workspace, "INSERT INTO job (name) VALUES "
                                                 "('Other ' || (SELECT count(*) FROM job));"
                                                 "SELECT count(*) FROM job"), ==, i);
      g_assert_true (tenure_db_get_data_version (reader, &later, &error));
      g_assert_cmpint (later, !=, version);
      version = later;
      g_assert_cmpint (tenure_db_query_int (reader, "SELECT count(*) FROM job", -1), ==, i);
      g_assert_cmpint (tenure_db_query_int (writer, "SELECT count(*) FROM job", -1), ==, i);
    }

  local = tenure_db_get_local_commits ();
  g_assert_cmpint (tenure_scenario_create (writer, "Ours", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (tenure_db_get_local_commits (), !=, local);
  g_assert_cmpint (sqlite3_count (workspace, "SELECT count(*) FROM scenario"), ==, 1);
  g_assert_true (tenure_db_get_data_version (reader, &later, &error));
  g_assert_cmpint (later, !=, version);

  tenure_db_close (writer);
  tenure_db_close (reader);
  test_rmdir_recursive (dir);
}

/* A report, a questions file or a scenario written over the workspace itself (or over
 * another workspace) is refused before anything is written: the workspace stays whole,
 * even while this process has it open. */
static void
test_export_over_workspace (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *other = g_build_filename (dir, "other.tenure", NULL);
  g_autofree char *csv = g_build_filename (dir, "wide.csv", NULL);
  g_autofree char *other_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "demo", other, "--accounts", "20", NULL), ==, 0);
  other_before = test_checksum_file (other);

  g_assert_cmpint (test_run_cli (&out, &err, "report", workspace, "--month", "2026-04",
                                 "--output", workspace, NULL), ==, 1);
  g_test_message ("report over its workspace: %s", err);
  g_assert_nonnull (strstr (err, "is a Tenure workspace or another database"));
  g_assert_cmpint (test_run_cli (&out, &err, "report", workspace, "--month", "2026-04",
                                 "--output", other, NULL), ==, 1);
  g_assert_cmpint (test_run_cli (&out, &err, "questions", workspace, "--export", workspace,
                                 NULL), ==, 1);
  g_assert_nonnull (strstr (err, "choose another file name"));
  g_assert_cmpint (test_run_cli (&out, &err, "scenarios", other, "--export",
                                 "Generate your monthly IT audit report", other, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "choose another file name"));

  /* In the process that has it open (the window's case): refused, and the connection's
   * locks survive the look at the file's header. */
  db = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (tenure_file_set_contents (workspace, "{}", 2, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (tenure_db_set_setting (db, "currency", "EUR", &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, tenure_db_close);

  after = test_checksum_file (other);
  g_assert_cmpstr (after, ==, other_before);
  g_clear_pointer (&after, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "check", workspace, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "integrity        ok"));
  g_assert_nonnull (strstr (out, "account          4"));

  /* A file of 5,000 columns without the required one: the message names the first
   * twenty and counts the others, rather than listing them all. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (wide, "%scolumn %u", i > 0 ? "," : "", i);
  g_string_append_c (wide, '\n');
  g_assert_true (g_file_set_contents (csv, wide->str, (gssize) wide->len, NULL));
  g_assert_cmpint (test_run_cli (&out, &err, "import", workspace, "accounts", csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“column 19” and 4980 more"));
  g_assert_null (strstr (err, "column 20”"));
  g_assert_cmpuint (strlen (err), <, 2000);

  test_rmdir_recursive (dir);
}

/* A workspace renamed or deleted while open leaves its -wal and -shm under the old name;
 * a new workspace created there (demo, or an import into a new file) must not have that
 * log replayed into it. */
static void
test_orphan_log (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = make_workspace (dir);
  g_autofree char *accounts = test_samples_path ("worked-example", "accounts.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char * const names[] = { "demo.tenure", "import.tenure" };
  TenureDb *db;

  db = tenure_db_open (workspace, TENURE_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (tenure_db_exec (db, "PRAGMA wal_autocheckpoint = 0", &error));
  g_assert_true (tenure_db_exec (db, "DELETE FROM account", &error));
  g_assert_no_error (error);

  /* The log as a moved workspace leaves it, under each new name. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint j = 0; j < 2; j++)
      {
        const char *suffix = j == 0 ? "-wal" : "-shm";
        g_autofree char *from = g_strconcat (workspace, suffix, NULL);
        g_autofree char *to = g_strconcat (dir, G_DIR_SEPARATOR_S, names[i], suffix, NULL);
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 0);
        g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
      }
  tenure_db_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (i == 0)
        g_assert_cmpint (test_run_cli (&out, &err, "demo", path, "--accounts", "30", NULL),
                         ==, 0);
      else
        g_assert_cmpint (test_run_cli (&out, &err, "import", path, "accounts", accounts, NULL),
                         ==, 0);
      g_assert_cmpint (test_run_cli (&out, &err, "check", path, NULL), ==, 0);
      g_test_message ("%s", out);
      g_assert_nonnull (strstr (out, "integrity        ok"));
      g_assert_nonnull (strstr (out, i == 0 ? "account          30\n"
                                            : "account          4\n"));
    }

  test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faults/disk-full", test_disk_full);
  g_test_add_func ("/faults/read-only", test_read_only);
  g_test_add_func ("/faults/locked", test_locked);
  g_test_add_func ("/faults/corrupt", test_corrupt);
  g_test_add_func ("/faults/bad-options", test_bad_options);
  g_test_add_func ("/faults/absurd-text", test_absurd_text);
  g_test_add_func ("/faults/report-text", test_report_text);
  g_test_add_func ("/faults/renamed", test_renamed);
  g_test_add_func ("/faults/two-writers", test_two_writers);
  g_test_add_func ("/faults/demo-force-in-use", test_demo_force_in_use);
  g_test_add_func ("/faults/shared-locks", test_shared_locks);
  g_test_add_func ("/faults/export-over-workspace", test_export_over_workspace);
  g_test_add_func ("/faults/orphan-log", test_orphan_log);

  return g_test_run ();
}
