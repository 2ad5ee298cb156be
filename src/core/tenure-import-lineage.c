/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The imports of a workspace: listing them, finding a file among them, removing one,
 * and running an import off the main thread. */

#define G_LOG_DOMAIN "tenure-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-import-private.h"

void
tenure_import_record_free (TenureImportRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->file_name);
  g_free (record->sha256);
  g_free (record->imported_at);
  g_free (record);
}

static TenureImportRecord *
record_from_row (sqlite3_stmt *stmt)
{
  TenureImportRecord *record = g_new0 (TenureImportRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->kind = tenure_import_kind_from_string ((const char *) sqlite3_column_text (stmt, 1));
  record->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  record->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  record->rows = sqlite3_column_int64 (stmt, 4);
  record->imported_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));

  return record;
}

/* Every import of the workspace, oldest first, as #TenureImportRecord. */
GPtrArray *
tenure_import_list (TenureDb  *db,
                    GError   **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db, "SELECT id, kind, file_name, sha256, rows, imported_at "
                                "FROM import ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_import_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * tenure_import_find_file:
 *
 * The latest import of a file with the same bytes as @path (its SHA-256), or %NULL
 * without an error when it was never imported. An assistant asks before importing it
 * again.
 */
TenureImportRecord *
tenure_import_find_file (TenureDb    *db,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (65536);
  TenureImportRecord *record = NULL;
  sqlite3_stmt *stmt;
  gssize n;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 65536, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;

  stmt = tenure_db_prepare (db, "SELECT id, kind, file_name, sha256, rows, imported_at "
                                "FROM import WHERE sha256 = ? ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, g_checksum_get_string (checksum), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = record_from_row (stmt);
  sqlite3_reset (stmt);

  return record;
}

static const char * const remove_statements[] = {
  "DELETE FROM event WHERE import_id = ?1",
  "DELETE FROM subscription WHERE import_id = ?1",
  "DELETE FROM response WHERE import_id = ?1",
  "DELETE FROM spend WHERE import_id = ?1",
  "DELETE FROM ticket WHERE import_id = ?1",
  "DELETE FROM answer WHERE import_id = ?1",
};

/**
 * tenure_import_remove:
 * @rows_removed: (out) (optional): rows of events, subscriptions… deleted
 * @accounts_removed: (out) (optional): accounts deleted
 *
 * Deletes the rows an import brought in, and the import itself, in one transaction.
 * The accounts it created go too, unless something else refers to them; those stay,
 * without lineage. Jobs, questions and options it created stay: they may have been
 * edited since.
 */
gboolean
tenure_import_remove (TenureDb  *db,
                      gint64     import_id,
                      guint64   *rows_removed,
                      guint     *accounts_removed,
                      GError   **error)
{
  sqlite3 *handle = tenure_db_get_handle (db);
  sqlite3_stmt *stmt;
  guint64 rows = 0;
  guint accounts = 0;

  stmt = tenure_db_prepare (db, "SELECT 1 FROM import WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_NOT_FOUND,
                   _("There is no import %lld in this workspace"), (long long) import_id);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!tenure_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (remove_statements); i++)
    {
      stmt = tenure_db_prepare (db, remove_statements[i], error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, import_id);
      if (!tenure_db_step_done (db, stmt, error))
        goto failed;
      rows += (guint64) sqlite3_changes64 (handle);
    }

  stmt = tenure_db_prepare (db,
                            "DELETE FROM account AS a WHERE import_id = ?1"
                            " AND NOT EXISTS (SELECT 1 FROM subscription WHERE account_id = a.id)"
                            " AND NOT EXISTS (SELECT 1 FROM event WHERE account_id = a.id)"
                            " AND NOT EXISTS (SELECT 1 FROM response WHERE account_id = a.id)"
                            " AND NOT EXISTS (SELECT 1 FROM ticket WHERE account_id = a.id)"
                            " AND NOT EXISTS (SELECT 1 FROM answer WHERE account_id = a.id)"
                            " AND NOT EXISTS (SELECT 1 FROM enrolment WHERE account_id = a.id)"
                            " AND NOT EXISTS (SELECT 1 FROM step_done WHERE account_id = a.id)",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (!tenure_db_step_done (db, stmt, error))
    goto failed;
  accounts = (guint) sqlite3_changes64 (handle);

  stmt = tenure_db_prepare (db, "UPDATE account SET import_id = NULL WHERE import_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (!tenure_db_step_done (db, stmt, error))
    goto failed;

  stmt = tenure_db_prepare (db, "DELETE FROM import WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (!tenure_db_step_done (db, stmt, error) || !tenure_db_commit (db, error))
    goto failed;

  if (rows_removed != NULL)
    *rows_removed = rows;
  if (accounts_removed != NULL)
    *accounts_removed = accounts;
  return TRUE;

failed:
  tenure_db_rollback (db);
  return FALSE;
}

/* The source tag of import tasks: a function pointer would not be valid ISO C here. */
static const char import_task_tag[] = "tenure_import_file_async";

typedef struct
{
  char                *workspace;
  char                *path;
  TenureImportKind     kind;
  TenureImportOptions  options;
  TenureProgressFunc   progress;
  gpointer             progress_data;
  TenureImportResult  *result;
} ImportTask;

static void
import_task_free (gpointer data)
{
  ImportTask *task = data;

  g_free (task->workspace);
  g_free (task->path);
  tenure_import_options_clear (&task->options);
  tenure_import_result_free (task->result);
  g_free (task);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *data = task_data;
  g_autoptr(TenureDb) db = NULL;
  GError *error = NULL;

  /* The worker has its own connection: a TenureDb belongs to one thread. */
  if (!data->options.dry_run || g_file_test (data->workspace, G_FILE_TEST_EXISTS))
    {
      db = tenure_db_open (data->workspace, TENURE_DB_OPEN_CREATE, &error);
      if (db == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (!tenure_import_file (db, data->path, data->kind, &data->options, &data->result,
                           data->progress, data->progress_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * tenure_import_file_async:
 * @workspace: the workspace file, created when missing (except for a dry run)
 * @progress: (nullable): called from the worker thread: hop to the main context before
 *   touching widgets
 *
 * tenure_import_file() in a worker thread with its own connection to @workspace.
 */
void
tenure_import_file_async (const char                *workspace,
                          const char                *path,
                          TenureImportKind           kind,
                          const TenureImportOptions *options,
                          TenureProgressFunc         progress,
                          gpointer                   progress_data,
                          GCancellable              *cancellable,
                          GAsyncReadyCallback        callback,
                          gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data = g_new0 (ImportTask, 1);

  data->workspace = g_strdup (workspace);
  data->path = g_strdup (path);
  data->kind = kind;
  if (options != NULL)
    {
      data->options = *options;
      if (options->mapping != NULL)
        data->options.mapping = g_hash_table_ref (options->mapping);
    }
  else
    tenure_import_options_init (&data->options);
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) import_task_tag);
  /* The worker says whether it was cancelled: a cancellation after the commit must not
   * report an import that was written as cancelled. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, import_task_free);
  g_task_run_in_thread (task, import_thread);
}

/* @import_result receives the result whenever the file was read, failed or not. */
gboolean
tenure_import_file_finish (GAsyncResult        *result,
                           TenureImportResult **import_result,
                           GError             **error)
{
  ImportTask *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == (gpointer) import_task_tag,
                        FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (import_result != NULL)
    *import_result = g_steal_pointer (&data->result);

  return g_task_propagate_boolean (G_TASK (result), error);
}
