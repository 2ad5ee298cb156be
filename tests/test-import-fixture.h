/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the import tests share: a new workspace per test, files written into its folder,
 * loads expected to succeed, and query results as text. */
#pragma once

#include "tenure-import-private.h"
#include "tenure-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  TenureDb *db;
} Fixture;

static inline void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "company.tenure", NULL);
  fixture->db = tenure_db_open (fixture->path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static inline void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->db, tenure_db_close);
  test_rmdir_recursive (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Writes @length bytes of @contents (-1: a string) into the fixture's folder. */
static inline char *
write_bytes (Fixture    *fixture,
             const char *name,
             const char *contents,
             gssize      length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static inline char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  return write_bytes (fixture, name, contents, -1);
}

/* tenure_import_file_full(), expecting success; the issues are printed otherwise. */
static inline TenureImportResult *
import_full_ok (TenureDb                  *db,
                const char                *path,
                TenureImportKind           kind,
                const TenureImportOptions *options,
                goffset                    large_load_bytes)
{
  g_autoptr(GError) error = NULL;
  TenureImportResult *result = NULL;

  if (!tenure_import_file_full (db, path, kind, options, large_load_bytes, &result, NULL,
                                NULL, NULL, &error))
    {
      for (guint i = 0; result != NULL && i < result->issues->len; i++)
        {
          TenureImportIssue *issue = g_ptr_array_index (result->issues, i);

          g_printerr ("%u:%u: %s\n", issue->line, issue->column, issue->message);
        }
    }
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_issues, ==, 0);

  return result;
}

/* Imports and expects success. */
static inline TenureImportResult *
import_ok (TenureDb                  *db,
           const char                *path,
           TenureImportKind           kind,
           const TenureImportOptions *options)
{
  return import_full_ok (db, path, kind, options, G_MAXINT64);
}

/* One line per row of @sql, values joined by '|'. */
static inline char *
query_rows (TenureDb   *db,
            const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (tenure_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}
