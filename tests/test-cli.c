/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli as a user runs it: exit statuses, messages, files left unchanged. */

#include "config.h"

#include "tenure-db.h"
#include "tenure-test-util.h"

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (test_run_cli (&out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "check"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "frobnicate"));
}

static void
test_check (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.tenure", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TenureDb *db;

  /* Missing argument: usage. */
  g_assert_cmpint (test_run_cli (&out, &err, "check", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Missing file: refused, and not created. */
  g_assert_cmpint (test_run_cli (&out, &err, "check", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not a workspace: refused, unchanged. */
  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  before = test_checksum_file (text);
  g_assert_cmpint (test_run_cli (&out, &err, "check", text, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a Tenure workspace"));
  after = test_checksum_file (text);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, NULL);
  g_assert_true (tenure_db_exec (db, "INSERT INTO account (external_id) VALUES ('A'), ('B')",
                                 NULL));
  tenure_db_close (db);

  g_assert_cmpint (test_run_cli (&out, &err, "check", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "integrity        ok"));
  g_assert_nonnull (strstr (out, "account          2"));
  {
    g_autofree char *version = g_strdup_printf ("schema version   %d", TENURE_DB_SCHEMA_VERSION);

    g_assert_nonnull (strstr (out, version));
  }

  test_rmdir_recursive (dir);
}

static void
test_backup (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.tenure", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "copy.tenure", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TenureDb *db;

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, NULL);
  g_assert_true (tenure_db_exec (db, "INSERT INTO account (external_id) VALUES ('A'), ('B')",
                                 NULL));

  /* While the workspace is still open with uncommitted-to-disk WAL pages. */
  g_assert_cmpint (test_run_cli (&out, &err, "backup", path, copy, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "copy.tenure"));
  tenure_db_close (db);

  db = tenure_db_open (copy, TENURE_DB_OPEN_READ_ONLY, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 2);
  tenure_db_close (db);

  /* An existing destination is refused and left alone. */
  before = test_checksum_file (copy);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "backup", path, copy, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  after = test_checksum_file (copy);
  g_assert_cmpstr (before, ==, after);

  /* A folder that does not exist: refused, nothing written. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "backup", path, nowhere, NULL), ==, 1);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, "backup", path, NULL), ==, 2);

  test_rmdir_recursive (dir);
}

static void
test_demo (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.tenure", NULL);
  g_autofree char *other = g_build_filename (dir, "other.tenure", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char * const bad[][2] = {
    { "--end-month", "2026-13" }, { "--end-month", "oct" }, { "--accounts", "0" },
    { "--accounts", "many" }, { "--accounts", "-5" }, { "--months", "1" }, { "--seed", "x" },
  };

  /* Malformed options: usage errors, nothing written. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (test_run_cli (&out, &err, "demo", path, bad[i][0], bad[i][1], NULL), ==, 2);
      g_assert_nonnull (strstr (err, bad[i][1]));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
  g_assert_cmpint (test_run_cli (&out, &err, "demo", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "demo", path, "--accounts", "60", "--months", "24",
                                 "--end-month", "2026-06", "--seed", "3", NULL), ==, 0);
  g_assert_nonnull (strstr (out, path));
  g_assert_nonnull (strstr (out, "60 accounts"));
  g_assert_nonnull (strstr (out, "subscriptions"));
  g_assert_nonnull (strstr (out, "events"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "check", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "integrity        ok"));
  g_assert_nonnull (strstr (out, "account          60"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same options give the same file contents, whatever the file name. */
  g_assert_cmpint (test_run_cli (&out, &err, "demo", other, "--accounts", "60", "--months", "24",
                                 "--end-month", "2026-06", "--seed", "3", NULL), ==, 0);
  before = test_checksum_file (path);
  after = test_checksum_file (other);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An existing file is refused without --force, and left unchanged. */
  before = test_checksum_file (path);
  g_assert_cmpint (test_run_cli (&out, &err, "demo", path, "--seed", "4", "--accounts", "20",
                                 NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--force"));
  after = test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "demo", path, "--seed", "4", "--accounts", "20",
                                 "--months", "12", "--end-month", "2026-06", "--force", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "20 accounts"));
  after = test_checksum_file (path);
  g_assert_cmpstr (before, !=, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (&out, &err, "check", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "account          20"));

  test_rmdir_recursive (dir);
}

/* Replacing a workspace whose write-ahead log still holds changes (left by a program
 * that died) folds the log in first and leaves no log of the old file beside the new one;
 * while a program still has it open, it is refused. */
static void
test_demo_force_pending_log (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *crash[] = {
    "python3", "-c",
    "import os, sqlite3, sys\n"
    "c = sqlite3.connect (sys.argv[1])\n"
    "c.execute ('PRAGMA wal_autocheckpoint = 0')\n"
    "c.execute (\"INSERT INTO account (external_id) VALUES ('OLD')\")\n"
    "c.commit ()\n"
    "os._exit (0)\n",
    path, NULL
  };
  int status = 0;
  TenureDb *db;

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, NULL);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 0);
  g_assert_cmpint (test_run_cli (&out, &err, "demo", path, "--accounts", "20", "--force", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "close it, then try again"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  tenure_db_close (db);

  g_assert_true (g_spawn_sync (NULL, (char **) crash, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (test_run_cli (&out, &err, "demo", path, "--accounts", "20", "--force", NULL),
                   ==, 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, 20);
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account WHERE "
                                            "external_id = 'OLD'", -1), ==, 0);
  tenure_db_close (db);

  test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/backup", test_backup);
  g_test_add_func ("/cli/demo-force-pending-log", test_demo_force_pending_log);
  g_test_add_func ("/cli/demo", test_demo);

  return g_test_run ();
}
