/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing files so that a crash, a full disk or a cancel never leaves half a file under
 * the name the user chose. */

#define G_LOG_DOMAIN "tenure-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tenure-file.h"

#define TEMPLATE_SUFFIX_LENGTH 6

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
 * Removes the ".NAME.XXXXXX" files that a killed run writing @path left behind.
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

          tenure_file_discard_temporary (stale);
        }
    }
  g_dir_close (folder);
}

/**
 * tenure_file_create_temporary:
 *
 * Removes stale temporaries of @path, then creates an empty ".NAME.XXXXXX" next to it
 * with the permissions of any new file (0666 less the umask).
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
  close (fd);

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

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (temporary, suffixes[i], NULL);

      g_unlink (file);
    }
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
  int fd = g_open (temporary, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || g_fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      tenure_file_discard_temporary (temporary);
      return set_write_error (error, path, saved_errno);
    }
  close (fd);

  if (g_rename (temporary, path) != 0)
    {
      saved_errno = errno;
      tenure_file_discard_temporary (temporary);
      return set_write_error (error, path, saved_errno);
    }

  return TRUE;
}

/**
 * tenure_file_set_contents:
 *
 * Writes @contents to @path through a temporary file, so @path is either the old file or
 * the complete new one.
 */
gboolean
tenure_file_set_contents (const char  *path,
                          const char  *contents,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *temporary = tenure_file_create_temporary (path, error);
  gsize written = 0;
  int fd;

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
