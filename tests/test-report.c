/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report in the core: a complete file or none, temporaries, cancelling, async, texts. */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include "tenure-date.h"
#include "tenure-report-private.h"
#include "tenure-report.h"
#include "test-metrics-fixture.h"

typedef struct
{
  TenureDb            *db;
  char                *dir;
  char                *out_dir;
  TenureReportOptions  options;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (fixture->out_dir, 0755), ==, 0);
  fixture->db = test_create_workspace (fixture->dir, "example.tenure", TRUE);

  tenure_report_options_init (&fixture->options);
  fixture->options.month = TENURE_MONTH (2026, 4);
  fixture->options.language = TENURE_REPORT_LANGUAGE_EN;
  fixture->options.generated_at = g_date_time_new_utc (2026, 5, 2, 9, 30, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->options.generated_at, g_date_time_unref);
  g_clear_pointer (&fixture->db, tenure_db_close);
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->out_dir);
  g_free (fixture->dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder, sorted, joined with spaces. */
static char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

typedef struct
{
  double   last;
  guint    calls;
  int      destroyed;     /* atomic: the last reference may go in the worker thread */
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
}

static void
test_worked_example (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "report.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };
  gsize length = 0;

  g_assert_true (tenure_report_write (fixture->db, &fixture->options, path, progress_cb,
                                      &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >=, 10);

  /* A zip file, and nothing else left in the folder. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (memcmp (contents, "PK\003\004", 4) == 0);
  listing = list_folder (fixture->out_dir);
  g_assert_cmpstr (listing, ==, "report.xlsx");
}

static void
test_french_and_filter (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "rapport.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  fixture->options.language = TENURE_REPORT_LANGUAGE_FR;
  fixture->options.filter.kind = TENURE_FILTER_SEGMENT;
  fixture->options.filter.value = "SMB";
  g_assert_true (tenure_report_write (fixture->db, &fixture->options, path, NULL, NULL, NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* An unknown group is not an error: its figures are empty, its charts say so. */
  fixture->options.filter.value = "Nope";
  g_assert_true (tenure_report_write (fixture->db, &fixture->options, path, NULL, NULL, NULL,
                                      &error));
  g_assert_no_error (error);
}

static void
test_cancel_keeps_previous (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "report.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "previous report", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (tenure_report_write (fixture->db, &fixture->options, path, NULL, NULL,
                                       cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous report");
  listing = list_folder (fixture->out_dir);
  g_assert_cmpstr (listing, ==, "report.xlsx");

  /* A successful export replaces it. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (tenure_report_write (fixture->db, &fixture->options, path, NULL, NULL, NULL,
                                      NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
}

static void
test_unwritable_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->out_dir, "missing", "report.xlsx", NULL);
  g_autofree char *file = g_build_filename (fixture->out_dir, "notes.txt", NULL);
  g_autofree char *under_file = g_build_filename (file, "report.xlsx", NULL);
  g_autofree char *folder = g_strconcat (fixture->out_dir, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (tenure_report_write (fixture->db, &fixture->options, missing, NULL, NULL,
                                       NULL, &error));
  g_assert_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "Cannot write"));
  g_assert_nonnull (strstr (error->message, "Choose a folder you may write to"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_false (tenure_report_write (fixture->db, &fixture->options, under_file, NULL, NULL,
                                       NULL, &error));
  g_assert_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_false (tenure_report_write (fixture->db, &fixture->options, folder, NULL, NULL,
                                       NULL, &error));
  g_assert_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_INVALID);

  listing = list_folder (fixture->out_dir);
  g_assert_cmpstr (listing, ==, "notes.txt");
}

/* A file size limit makes every write past it fail with EFBIG, as a full disk would
 * with ENOSPC: the export fails with a clear message and leaves nothing behind. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "report.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limit;
  void (*saved_handler) (int);
  gboolean ok;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  ok = tenure_report_write (fixture->db, &fixture->options, path, NULL, NULL, NULL, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "nothing was written"));
  listing = list_folder (fixture->out_dir);
  g_assert_cmpstr (listing, ==, "");
}

/* A killed export leaves ".NAME.XXXXXX" behind: the next export of NAME removes it, and
 * nothing else (tenure-file.c). */
static void
test_stale_temporaries (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "report.xlsx", NULL);
  g_autofree char *stale = g_build_filename (fixture->out_dir, ".report.xlsx.Ab12Cd", NULL);
  g_autofree char *other = g_build_filename (fixture->out_dir, ".report.xlsx.keep", NULL);
  g_autofree char *foreign = g_build_filename (fixture->out_dir, ".other.xlsx.Ab12Cd", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (stale, "killed run", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  g_assert_true (g_file_set_contents (foreign, "another report", -1, NULL));

  g_assert_true (tenure_report_write (fixture->db, &fixture->options, path, NULL, NULL, NULL,
                                      &error));
  g_assert_no_error (error);

  listing = list_folder (fixture->out_dir);
  g_assert_cmpstr (listing, ==, ".other.xlsx.Ab12Cd .report.xlsx.keep report.xlsx");
}

static void
test_truncate (void)
{
  GString *text = g_string_new (NULL);
  g_autofree char *cut = NULL;
  g_autofree char *same = NULL;
  g_autofree char *fixed = NULL;

  for (guint i = 0; i < 40000; i++)
    g_string_append (text, "é");
  cut = report_truncate_text (text->str);
  g_assert_cmpint (g_utf8_strlen (cut, -1), ==, REPORT_MAX_CELL_CHARS);
  g_assert_true (g_str_has_suffix (cut, "é…"));
  g_string_free (text, TRUE);

  same = report_truncate_text ("=HYPERLINK(\"http://x\",\"y\")");
  g_assert_cmpstr (same, ==, "=HYPERLINK(\"http://x\",\"y\")");

  fixed = report_truncate_text ("caf\xe9");
  g_assert_true (g_utf8_validate (fixed, -1, NULL));
  g_assert_true (g_str_has_prefix (fixed, "caf"));
  g_clear_pointer (&fixed, g_free);

  /* XML cannot hold most control characters: they become spaces, tabs and breaks stay. */
  fixed = report_truncate_text ("a\001b\tc\nd\037e");
  g_assert_cmpstr (fixed, ==, "a b\tc\nd e");
}

static void
test_language (void)
{
  TenureReportLanguage language = TENURE_REPORT_N_LANGUAGES;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "fr_FR:en", TRUE);
  g_assert_cmpint (tenure_report_language_from_locale (), ==, TENURE_REPORT_LANGUAGE_FR);
  g_setenv ("LANGUAGE", "en_GB", TRUE);
  g_assert_cmpint (tenure_report_language_from_locale (), ==, TENURE_REPORT_LANGUAGE_EN);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_assert_true (tenure_report_language_parse ("fr", &language));
  g_assert_cmpint (language, ==, TENURE_REPORT_LANGUAGE_FR);
  g_assert_true (tenure_report_language_parse ("en", &language));
  g_assert_cmpint (language, ==, TENURE_REPORT_LANGUAGE_EN);
  g_assert_false (tenure_report_language_parse ("de", &language));
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (tenure_report_write_finish (result, error) && *error != NULL);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
progress_destroy (gpointer data)
{
  Progress *progress = data;

  g_atomic_int_set (&progress->destroyed, TRUE);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "async.xlsx", NULL);
  g_autofree char *workspace = g_strdup (tenure_db_get_path (fixture->db));
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };

  /* The worker opens its own connection; close ours so the file is settled. */
  g_clear_pointer (&fixture->db, tenure_db_close);

  tenure_report_write_async (workspace, &fixture->options, path, progress_cb, &progress,
                             progress_destroy, NULL, write_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* write_done_cb marks success with G_IO_ERROR_EXISTS "done". */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* The task data, and with it the progress data, is freed once the task is done. */
  while (!g_atomic_int_get (&progress.destroyed))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* First: it changes the environment, which is only safe before any thread exists. */
  g_test_add_func ("/report/language", test_language);

  g_test_add ("/report/worked-example", Fixture, NULL, fixture_setup, test_worked_example,
              fixture_teardown);
  g_test_add ("/report/french-and-filter", Fixture, NULL, fixture_setup, test_french_and_filter,
              fixture_teardown);
  g_test_add ("/report/cancel-keeps-previous", Fixture, NULL, fixture_setup,
              test_cancel_keeps_previous, fixture_teardown);
  g_test_add ("/report/unwritable-folder", Fixture, NULL, fixture_setup, test_unwritable_folder,
              fixture_teardown);
  g_test_add ("/report/disk-full", Fixture, NULL, fixture_setup, test_disk_full,
              fixture_teardown);
  g_test_add ("/report/stale-temporaries", Fixture, NULL, fixture_setup, test_stale_temporaries,
              fixture_teardown);
  g_test_add ("/report/async", Fixture, NULL, fixture_setup, test_async, fixture_teardown);
  g_test_add_func ("/report/truncate", test_truncate);

  return g_test_run ();
}
