/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: tenure-cli killed (SIGKILL) while generating the demo company and while
 * exporting the report leaves no partial file, and the next run cleans up after it. */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include "tenure-db.h"
#include "tenure-test-util.h"

/* Runs tenure-cli with TENURE_PROGRESS=1 and kills it (SIGKILL) once a "progress: N%"
 * line with N >= @percent shows on its standard error. Returns the wait status; @killed
 * says whether the kill happened before the command finished on its own. */
static int
run_and_kill (const char * const *args,
              int                 percent,
              gboolean           *killed)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TENURE_PROGRESS", "1", TRUE);
  char line[256];
  FILE *stream;
  int status;
  int err_fd;
  GPid pid;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TENURE_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  *killed = FALSE;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                           NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  stream = fdopen (err_fd, "r");
  while (fgets (line, sizeof line, stream) != NULL)
    {
      int seen;

      if (sscanf (line, "progress: %d%%", &seen) == 1 && seen >= percent && seen < 100)
        {
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          *killed = TRUE;
          break;
        }
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  fclose (stream);
  g_spawn_close_pid (pid);

  if (*killed)
    {
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
    }

  return status;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted, joined by spaces; hidden temporaries of @name (".NAME.XXXXXX")
 * are counted in @n_temporaries and left out. */
static char *
list_folder (const char *dir,
             const char *name,
             guint      *n_temporaries)
{
  g_autofree char *prefix = g_strconcat (".", name, ".", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;
  GDir *folder = g_dir_open (dir, 0, NULL);

  g_assert_nonnull (folder);
  *n_temporaries = 0;
  while ((entry = g_dir_read_name (folder)) != NULL)
    {
      if (g_str_has_prefix (entry, prefix) && strlen (entry) == strlen (prefix) + 6)
        (*n_temporaries)++;
      else
        g_ptr_array_add (names, g_strdup (entry));
    }
  g_dir_close (folder);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* The workspace opens, passes the integrity check and holds @accounts accounts. */
static void
assert_workspace_sound (const char *path,
                        gint64      accounts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  integrity = tenure_db_integrity_check (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (tenure_db_query_int (db, "SELECT count(*) FROM account", -1), ==, accounts);
}

/* The demo killed at 30, 60 and 90 %: no workspace appears, and a kill while replacing
 * one (--force) leaves the old one byte for byte. The next run removes the stale
 * temporaries. */
static void
test_demo (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "demo.tenure", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *create[] = { "demo", "--accounts", "300", workspace, NULL };
  const char *replace[] = { "demo", "--accounts", "200", "--seed", "7", "--force", workspace,
                            NULL };
  const int percents[] = { 30, 60, 90 };
  guint n_temporaries;
  gboolean killed;

  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      run_and_kill (create, percents[i], &killed);
      g_assert_true (killed);
      g_assert_false (g_file_test (workspace, G_FILE_TEST_EXISTS));
      listing = list_folder (dir, "demo.tenure", &n_temporaries);
      g_assert_cmpstr (listing, ==, "");
      g_clear_pointer (&listing, g_free);
      g_test_message ("demo killed at %d%%: %u stale temporaries", percents[i], n_temporaries);
      g_assert_cmpuint (n_temporaries, <=, 1);
    }

  /* The next run succeeds and removes what the killed runs left. */
  g_assert_cmpint (test_run_cli (&out, &err, "demo", "--accounts", "300", workspace, NULL),
                   ==, 0);
  listing = list_folder (dir, "demo.tenure", &n_temporaries);
  g_assert_cmpstr (listing, ==, "demo.tenure");
  g_assert_cmpuint (n_temporaries, ==, 0);
  g_clear_pointer (&listing, g_free);
  assert_workspace_sound (workspace, 300);

  /* Replacing it, killed half-way and near the end: the old workspace stays. */
  before = test_checksum_file (workspace);
  for (guint i = 1; i < G_N_ELEMENTS (percents); i++)
    {
      run_and_kill (replace, percents[i], &killed);
      g_assert_true (killed);
      after = test_checksum_file (workspace);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);
      listing = list_folder (dir, "demo.tenure", &n_temporaries);
      g_assert_cmpstr (listing, ==, "demo.tenure");
      g_clear_pointer (&listing, g_free);
    }
  assert_workspace_sound (workspace, 300);

  g_assert_cmpint (test_run_cli (&out, &err, "demo", "--accounts", "200", "--seed", "7",
                                 "--force", workspace, NULL), ==, 0);
  listing = list_folder (dir, "demo.tenure", &n_temporaries);
  g_assert_cmpstr (listing, ==, "demo.tenure");
  g_assert_cmpuint (n_temporaries, ==, 0);
  assert_workspace_sound (workspace, 200);

  test_rmdir_recursive (dir);
}

/* The report killed while reading the figures (30 %) and while writing sheets (60 %,
 * 90 %): no report appears, an earlier report stays as it was, and the workspace (opened
 * read-only) is unchanged. */
static void
test_report (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workspace = g_build_filename (dir, "company.tenure", NULL);
  g_autofree char *report = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *workspace_sum = NULL;
  g_autofree char *report_sum = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *export[] = { "report", workspace, "--month", "2026-03", "-o", report, NULL };
  const int percents[] = { 30, 60, 90 };
  guint n_temporaries;
  gboolean killed;

  g_assert_cmpint (test_run_cli (&out, &err, "demo", "--accounts", "300", "--end-month",
                                 "2026-03", workspace, NULL), ==, 0);
  workspace_sum = test_checksum_file (workspace);

  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      run_and_kill (export, percents[i], &killed);
      g_assert_true (killed);
      listing = list_folder (dir, "report.xlsx", &n_temporaries);
      g_assert_cmpstr (listing, ==, "company.tenure");
      g_clear_pointer (&listing, g_free);
      g_test_message ("report killed at %d%%: %u stale temporaries", percents[i],
                      n_temporaries);
      g_assert_cmpuint (n_temporaries, <=, 1);
      sum = test_checksum_file (workspace);
      g_assert_cmpstr (sum, ==, workspace_sum);
      g_clear_pointer (&sum, g_free);
    }

  g_assert_cmpint (test_run_cli (&out, &err, "report", workspace, "--month", "2026-03",
                                 "-o", report, NULL), ==, 0);
  listing = list_folder (dir, "report.xlsx", &n_temporaries);
  g_assert_cmpstr (listing, ==, "company.tenure report.xlsx");
  g_assert_cmpuint (n_temporaries, ==, 0);
  g_clear_pointer (&listing, g_free);
  report_sum = test_checksum_file (report);

  /* Overwriting it, killed: the earlier report is still there, whole. */
  for (guint i = 1; i < G_N_ELEMENTS (percents); i++)
    {
      run_and_kill (export, percents[i], &killed);
      g_assert_true (killed);
      sum = test_checksum_file (report);
      g_assert_cmpstr (sum, ==, report_sum);
      g_clear_pointer (&sum, g_free);
    }
  g_assert_cmpint (test_run_cli (&out, &err, "report", workspace, "--month", "2026-03",
                                 "-o", report, NULL), ==, 0);
  listing = list_folder (dir, "report.xlsx", &n_temporaries);
  g_assert_cmpstr (listing, ==, "company.tenure report.xlsx");
  g_assert_cmpuint (n_temporaries, ==, 0);
  assert_workspace_sound (workspace, 300);
  sum = test_checksum_file (workspace);
  g_assert_cmpstr (sum, ==, workspace_sum);

  test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/demo", test_demo);
  g_test_add_func ("/crash/report", test_report);

  return g_test_run ();
}
