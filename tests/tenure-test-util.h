/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the test programs: temporary folders, checksums, running tenure-cli. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* A fresh temporary folder for one test; remove it with test_rmdir_recursive(). */
static inline char *
test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tenure-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_rmdir_recursive (const char *path)
{
  GDir *dir;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            test_rmdir_recursive (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

/* SHA-256 of a file's bytes, or NULL when it cannot be read. */
static inline char *
test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The folder of ../shared/samples, from the environment set by tests/meson.build. */
static inline char *
test_samples_path (const char *first, ...)
{
  const char *shared = g_getenv ("TENURE_SHARED_DIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (shared);
  g_ptr_array_add (parts, (gpointer) shared);
  g_ptr_array_add (parts, (gpointer) "samples");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

/* Runs tenure-cli with the arguments (NULL-terminated); returns its exit status and
 * collects its output into *out and *err (which must be NULL or strings it may free). */
static inline int
test_run_cli (char **out,
              char **err,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("TENURE_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  /* Callers reuse their g_autofree output strings from one run to the next. */
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* A sqlite3 shell on @workspace that has run @sql and waits, holding what it holds. */
static inline GPid
test_start_sqlite3 (const char *workspace,
                    const char *sql,
                    int        *input)
{
  const char *argv[] = { "sqlite3", workspace, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *commands = g_strdup_printf ("%s\n.print ready\n", sql);
  g_autofree char *line = NULL;
  GPid pid = 0;
  int out = -1;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, input, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (write (*input, commands, strlen (commands)), ==, (gssize) strlen (commands));
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  do
    {
      g_clear_pointer (&line, g_free);
      g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==,
                       G_IO_STATUS_NORMAL);
    }
  while (!g_str_equal (line, "ready\n"));

  return pid;
}

/* Lets the shell of test_start_sqlite3() go and waits for it to end. */
static inline void
test_stop_sqlite3 (GPid pid,
                   int  input)
{
  int status = 0;

  close (input);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
}

