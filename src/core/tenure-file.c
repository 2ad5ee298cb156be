/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing files so that a crash, a full disk or a cancel never leaves half a file under
 * the name the user chose. */

#define G_LOG_DOMAIN "tenure-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "tenure-file.h"

#define TEMPLATE_SUFFIX_LENGTH 6

/* The temporaries this process is writing, by path, each with a descriptor that holds an
 * flock() on it until it is committed or discarded: another writer of the same name (an
 * export of the same report from another window or program) sees it is alive and leaves
 * it alone. */
static GMutex live_lock;
static GHashTable *live_temporaries;

static void
live_add (const char *temporary,
          int         fd)
{
  g_mutex_lock (&live_lock);
  if (live_temporaries == NULL)
    live_temporaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (live_temporaries, g_strdup (temporary), GINT_TO_POINTER (fd));
  g_mutex_unlock (&live_lock);
}

static gboolean
live_contains (const char *temporary)
{
  gboolean found;

  g_mutex_lock (&live_lock);
  found = live_temporaries != NULL && g_hash_table_contains (live_temporaries, temporary);
  g_mutex_unlock (&live_lock);

  return found;
}

/* Closes the descriptor of @temporary, which releases its flock(). */
static void
live_remove (const char *temporary)
{
  gpointer key = NULL;
  gpointer fd = NULL;
  gboolean found;

  g_mutex_lock (&live_lock);
  found = live_temporaries != NULL &&
          g_hash_table_steal_extended (live_temporaries, temporary, &key, &fd);
  g_mutex_unlock (&live_lock);

  if (found)
    {
      g_free (key);
      close (GPOINTER_TO_INT (fd));
    }
}

/* Whether another process is still writing @temporary: it holds the flock() that
 * tenure_file_create_temporary() takes, or a lock SQLite took on the file it writes
 * there (SQLite locks with fcntl(), which flock() does not see). Only for files this
 * process has no connection to: closing our descriptor drops our own fcntl() locks. */
static gboolean
written_by_another_process (const char *temporary)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
  gboolean alive = FALSE;
  int fd = g_open (temporary, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);

  if (fd < 0)
    return FALSE;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    alive = errno == EWOULDBLOCK;
  else if (fcntl (fd, F_GETLK, &lock) == 0)
    alive = lock.l_type != F_UNLCK;
  close (fd);

  return alive;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static char *
temporary_prefix (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf (".%s.", base);
}

/**
 * tenure_file_remove_stale_temporaries:
 *
 * Removes the ".NAME.XXXXXX" files that a killed run writing @path left behind. A
 * temporary that a live writer holds (this process or another, see
 * tenure_file_create_temporary()) is left alone: two exports to the same name at once
 * each keep their own.
 */
void
tenure_file_remove_stale_temporaries (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = temporary_prefix (path);
  size_t prefix_length = strlen (prefix);
  const char *name;
  GDir *folder;

  folder = g_dir_open (dir, 0, NULL);
  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      gboolean ours = g_str_has_prefix (name, prefix) &&
                      strlen (name) == prefix_length + TEMPLATE_SUFFIX_LENGTH;

      for (int i = 0; ours && i < TEMPLATE_SUFFIX_LENGTH; i++)
        ours = g_ascii_isalnum (name[prefix_length + i]);

      if (ours)
        {
          g_autofree char *stale = g_build_filename (dir, name, NULL);

          if (!live_contains (stale) && !written_by_another_process (stale))
            tenure_file_discard_temporary (stale);
        }
    }
  g_dir_close (folder);
}

/**
 * tenure_file_create_temporary:
 *
 * Removes stale temporaries of @path, then creates an empty ".NAME.XXXXXX" next to it
 * with the permissions of any new file (0666 less the umask). Until
 * tenure_file_commit_temporary() or tenure_file_discard_temporary(), the process holds an
 * flock() on it, which tells other writers of @path that it is not stale; the kernel
 * drops it when the process dies, however it dies.
 *
 * Returns: (transfer full): the temporary's path, or %NULL with @error set
 */
char *
tenure_file_create_temporary (const char  *path,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = temporary_prefix (path);
  g_autofree char *template = g_strconcat (prefix, "XXXXXX", NULL);
  g_autofree char *temporary = g_build_filename (dir, template, NULL);
  int fd;

  tenure_file_remove_stale_temporaries (path);

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }
  /* Nobody else knows the name yet: this cannot block. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Cannot lock %s: %s", temporary, g_strerror (errno));
  live_add (temporary, fd);

  return g_steal_pointer (&temporary);
}

/**
 * tenure_file_discard_temporary:
 *
 * Removes a temporary, and the journal files SQLite may have made beside it.
 */
void
tenure_file_discard_temporary (const char *temporary)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  live_remove (temporary);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (temporary, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Writes @temporary's data to the disk before it takes @path's name. */
static gboolean
sync_temporary (const char  *temporary,
                const char  *path,
                GError     **error)
{
  int fd = g_open (temporary, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && g_fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  tenure_file_discard_temporary (temporary);
  return set_write_error (error, path, saved_errno);
}

/**
 * tenure_file_commit_temporary:
 *
 * Syncs @temporary to the disk and renames it to @path. On failure the temporary is
 * removed and @path is left as it was.
 */
gboolean
tenure_file_commit_temporary (const char  *temporary,
                              const char  *path,
                              GError     **error)
{
  if (!sync_temporary (temporary, path, error))
    return FALSE;

  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      tenure_file_discard_temporary (temporary);
      return set_write_error (error, path, saved_errno);
    }
  live_remove (temporary);

  return TRUE;
}

/**
 * tenure_file_commit_new_temporary:
 *
 * As tenure_file_commit_temporary(), for a file that must not exist: when another
 * program created @path meanwhile (the same new workspace made twice at once), fails with
 * %G_IO_ERROR_EXISTS, discards @temporary and leaves that file alone. The check and the
 * commit are one step (a hard link, which fails when @path exists); on a file system
 * without hard links, @path is checked just before the rename.
 */
gboolean
tenure_file_commit_new_temporary (const char  *temporary,
                                  const char  *path,
                                  GError     **error)
{
  int saved_errno;

  if (!sync_temporary (temporary, path, error))
    return FALSE;

  if (link (temporary, path) == 0)
    {
      g_unlink (temporary);
      live_remove (temporary);
      return TRUE;
    }

  saved_errno = errno;
  if (saved_errno != EEXIST && saved_errno != EPERM && saved_errno != ENOTSUP &&
      saved_errno != EOPNOTSUPP && saved_errno != EMLINK && saved_errno != ENOSYS)
    {
      tenure_file_discard_temporary (temporary);
      return set_write_error (error, path, saved_errno);
    }

  if (saved_errno == EEXIST || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      tenure_file_discard_temporary (temporary);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” was created by another program meanwhile: nothing was replaced. "
                     "Open it, or choose another name"), display);
      return FALSE;
    }

  return tenure_file_commit_temporary (temporary, path, error);
}

/**
 * tenure_file_remove_orphan_logs:
 *
 * Removes "PATH-wal", "PATH-shm" and "PATH-journal" when PATH itself does not exist:
 * they are what is left of a workspace renamed or deleted while a program had it open,
 * and SQLite would replay that log into a new workspace created under the same name,
 * damaging it. A program still using the moved workspace keeps its open descriptors.
 */
void
tenure_file_remove_orphan_logs (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) == 0)
        g_debug ("Removed %s, left by a workspace moved or deleted while open", file);
    }
}

/* Whether @path starts as an SQLite database does. Read through SQLite's own file layer,
 * not stdio: closing a descriptor of a workspace this process has open would drop that
 * connection's locks (see read_header() in tenure-db.c). */
static gboolean
is_database (const char *path)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  char header[16] = { 0 };
  int out_flags = 0;
  int rc;

  rc = vfs->xOpen (vfs, path, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
  if (rc != SQLITE_OK)
    {
      if (file->pMethods != NULL)
        file->pMethods->xClose (file);
      return FALSE;
    }
  rc = file->pMethods->xRead (file, header, sizeof header, 0);
  file->pMethods->xClose (file);

  return rc == SQLITE_OK && memcmp (header, "SQLite format 3", sizeof header) == 0;
}

/**
 * tenure_file_check_replaceable:
 *
 * Refuses to let an export replace a workspace (or any SQLite database): a report or a
 * JSON file written over the workspace it came from would destroy it.
 *
 * Returns: %FALSE with @error set when @path is a database
 */
gboolean
tenure_file_check_replaceable (const char  *path,
                               GError     **error)
{
  g_autofree char *display = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || !is_database (path))
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” is a Tenure workspace or another database: choose another file name "
                 "so as not to replace it; nothing was written"), display);
  return FALSE;
}

/**
 * tenure_file_set_contents:
 *
 * Writes @contents to @path through a temporary file, so @path is either the old file or
 * the complete new one. A workspace at @path is never replaced.
 */
gboolean
tenure_file_set_contents (const char  *path,
                          const char  *contents,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *temporary = NULL;
  gsize written = 0;
  int fd;

  if (!tenure_file_check_replaceable (path, error))
    return FALSE;
  temporary = tenure_file_create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;

  fd = g_open (temporary, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      tenure_file_discard_temporary (temporary);
      return set_write_error (error, path, saved_errno);
    }

  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          close (fd);
          tenure_file_discard_temporary (temporary);
          return set_write_error (error, path, saved_errno);
        }
      written += (gsize) n;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      tenure_file_discard_temporary (temporary);
      return set_write_error (error, path, saved_errno);
    }

  return tenure_file_commit_temporary (temporary, path, error);
}
