/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files written through a temporary name: complete or absent, never half written. */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tenure-file.h"
#include "tenure-test-util.h"

static guint
count_entries (const char *dir)
{
  GDir *folder = g_dir_open (dir, 0, NULL);
  guint count = 0;

  g_assert_nonnull (folder);
  while (g_dir_read_name (folder) != NULL)
    count++;
  g_dir_close (folder);

  return count;
}

static void
test_set_contents (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "scenario.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct stat info;

  g_assert_true (tenure_file_set_contents (path, "{\"a\": 1}\n", 9, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"a\": 1}\n");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Permissions of an ordinary new file, not the 0600 of mkstemp. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0044, ==, 0044 & ~umask (022));

  /* Replacing keeps only the new content. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (tenure_file_set_contents (path, "[]", 2, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "[]");

  test_rmdir_recursive (dir);
}

/* A new file is committed only where nothing exists: what another program wrote there
 * meanwhile stays, and the temporary goes. */
static void
test_commit_new (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.tenure", NULL);
  g_autofree char *temporary = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  temporary = tenure_file_create_temporary (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (temporary, "ours", -1, NULL));
  g_assert_true (tenure_file_commit_new_temporary (temporary, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "ours");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_clear_pointer (&temporary, g_free);
  g_clear_pointer (&contents, g_free);
  temporary = tenure_file_create_temporary (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (temporary, "theirs", -1, NULL));
  g_assert_false (tenure_file_commit_new_temporary (temporary, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "ours");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  test_rmdir_recursive (dir);
}

static void
test_stale_temporaries (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *stale = g_build_filename (dir, ".report.xlsx.Ab12Cd", NULL);
  g_autofree char *stale_journal = g_build_filename (dir, ".report.xlsx.Ab12Cd-journal", NULL);
  g_autofree char *other = g_build_filename (dir, ".report.xlsx.keep-me", NULL);
  g_autofree char *unrelated = g_build_filename (dir, ".other.xlsx.Ab12Cd", NULL);
  g_autofree char *temporary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (stale_journal, "half", -1, NULL));
  g_assert_true (g_file_set_contents (other, "keep", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "keep", -1, NULL));

  temporary = tenure_file_create_temporary (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (temporary, dir));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (temporary, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_file_set_contents (temporary, "whole", -1, NULL));
  g_assert_true (tenure_file_commit_temporary (temporary, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (temporary, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  test_rmdir_recursive (dir);
}

static void
test_failures_leave_nothing (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "out.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "out.json", NULL);
  g_autofree char *temporary = NULL;
  g_autofree char *target_dir = g_build_filename (dir, "target-is-a-folder", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tenure_file_set_contents (missing, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out.json"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  if (access (locked, W_OK) != 0)
    {
      g_assert_false (tenure_file_set_contents (path, "x", 1, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_cmpuint (count_entries (locked), ==, 0);
      g_clear_error (&error);
    }
  g_chmod (locked, 0755);

  /* A rename that fails removes the temporary. */
  g_assert_cmpint (g_mkdir (target_dir, 0755), ==, 0);
  {
    g_autofree char *inside = g_build_filename (target_dir, "keep", NULL);

    g_assert_true (g_file_set_contents (inside, "x", -1, NULL));
  }
  temporary = tenure_file_create_temporary (target_dir, &error);
  g_assert_no_error (error);
  g_assert_false (tenure_file_commit_temporary (temporary, target_dir, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (temporary, G_FILE_TEST_EXISTS));

  test_rmdir_recursive (dir);
}

/* Starts python3 running @code on @path, and waits for it to print that it holds its lock. */
static GPid
hold_lock (const char *code,
           const char *path)
{
  const char *argv[] = { "python3", "-c", code, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  GPid pid = 0;
  int out = -1;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==,
                   G_IO_STATUS_NORMAL);
  g_assert_cmpstr (line, ==, "locked\n");

  return pid;
}

static void
stop (GPid pid)
{
  int status = 0;

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
}

/* Two exports to the same name at once, from this process and from others: the second
 * writer's clean-up of stale temporaries leaves the first's alone, whether it holds the
 * flock () of tenure_file_create_temporary () or the fcntl () lock SQLite takes; once the
 * other program is gone (killed), its temporary is stale and removed. */
static void
test_concurrent_temporaries (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *flocked = g_build_filename (dir, ".report.xlsx.Flock1", NULL);
  g_autofree char *fcntled = g_build_filename (dir, ".report.xlsx.Fcntl1", NULL);
  g_autofree char *dead = g_build_filename (dir, ".report.xlsx.Dead01", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GPid flock_holder;
  GPid fcntl_holder;
  int fd;

  g_assert_true (g_file_set_contents (flocked, "another export", -1, NULL));
  g_assert_true (g_file_set_contents (fcntled, "another demo", -1, NULL));
  g_assert_true (g_file_set_contents (dead, "killed", -1, NULL));
  flock_holder = hold_lock ("import fcntl, sys, time\n"
                            "f = open (sys.argv[1])\n"
                            "fcntl.flock (f, fcntl.LOCK_EX)\n"
                            "print ('locked', flush=True)\n"
                            "time.sleep (120)\n", flocked);
  fcntl_holder = hold_lock ("import fcntl, sys, time\n"
                            "f = open (sys.argv[1], 'r+')\n"
                            "fcntl.lockf (f, fcntl.LOCK_EX)\n"
                            "print ('locked', flush=True)\n"
                            "time.sleep (120)\n", fcntled);

  first = tenure_file_create_temporary (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  /* Written in place, as libxlsxwriter and tenure_file_set_contents () do. */
  fd = g_open (first, O_WRONLY | O_TRUNC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "first", 5), ==, 5);
  /* The first holds its temporary: nobody else may lock it. */
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, -1);
  close (fd);

  second = tenure_file_create_temporary (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (flocked, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (fcntled, G_FILE_TEST_IS_REGULAR));

  /* The other programs die without cleaning up: their temporaries are stale now. */
  stop (flock_holder);
  stop (fcntl_holder);
  third = tenure_file_create_temporary (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (flocked, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fcntled, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));

  /* The first finishes: its file, whole. */
  g_assert_true (tenure_file_commit_temporary (first, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "first");
  tenure_file_discard_temporary (second);
  tenure_file_discard_temporary (third);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  test_rmdir_recursive (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/set-contents", test_set_contents);
  g_test_add_func ("/file/commit-new", test_commit_new);
  g_test_add_func ("/file/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/file/failures-leave-nothing", test_failures_leave_nothing);
  g_test_add_func ("/file/concurrent-temporaries", test_concurrent_temporaries);

  return g_test_run ();
}
