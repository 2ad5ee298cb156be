/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the importer: the first byte picks the kind of file and the
 * options, the rest is the file, loaded into a scratch workspace and removed again. */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "tenure-db.h"
#include "tenure-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static TenureDb *workspace;
static char *csv_path;

static void
remove_scratch (void)
{
  g_autofree char *dir = g_path_get_dirname (csv_path);
  g_autofree char *db_path = g_build_filename (dir, "fuzz.tenure", NULL);

  g_clear_pointer (&workspace, tenure_db_close);
  g_unlink (csv_path);
  g_unlink (db_path);
  g_rmdir (dir);
  g_clear_pointer (&csv_path, g_free);
}

static void
ensure_scratch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;

  if (workspace != NULL)
    return;

  dir = g_dir_make_tmp ("tenure-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "fuzz.tenure", NULL);
  csv_path = g_build_filename (dir, "input.csv", NULL);
  workspace = tenure_db_open (db_path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  /* A scratch file: no need to wait for the disk. */
  g_assert (tenure_db_exec (workspace, "PRAGMA synchronous = OFF", NULL));
  atexit (remove_scratch);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TenureImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TenureImportOptions) options;
  TenureImportKind kind;
  gboolean ok;

  if (size < 1)
    return 0;

  ensure_scratch ();
  kind = TENURE_IMPORT_KIND_ACCOUNTS + data[0] % (TENURE_IMPORT_N_KINDS - 1);
  tenure_import_options_init (&options);
  options.force = TRUE;
  options.encoding = (data[0] & 0x80) ? TENURE_CSV_ENCODING_WINDOWS_1252
                                      : TENURE_CSV_ENCODING_UTF8;
  options.date_order = (data[0] & 0x40) ? TENURE_DATE_ORDER_MONTH_FIRST
                                        : TENURE_DATE_ORDER_DAY_FIRST;
  options.decimal = (data[0] >> 3) % 3;
  g_assert (g_file_set_contents (csv_path, (const char *) data + 1, (gssize) size - 1, NULL));

  ok = tenure_import_file (workspace, csv_path, kind, &options, &result, NULL, NULL, NULL,
                           &error);
  if (ok)
    {
      g_assert (error == NULL);
      g_assert (result != NULL);
      if (result->import_id > 0)
        {
          g_autoptr(GError) remove_error = NULL;

          g_assert (tenure_import_remove (workspace, result->import_id, NULL, NULL,
                                          &remove_error));
        }
    }
  else
    {
      g_assert (error != NULL && *error->message != '\0');
    }

  /* Every issue has a place and a message. */
  if (result != NULL)
    for (guint i = 0; i < result->issues->len; i++)
      {
        TenureImportIssue *issue = g_ptr_array_index (result->issues, i);

        g_assert (issue->message != NULL && *issue->message != '\0');
      }

  /* A failed import leaves no transaction open. */
  g_assert (sqlite3_get_autocommit (tenure_db_get_handle (workspace)));

  return 0;
}
