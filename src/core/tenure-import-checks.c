/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The end of a load, before its commit: what SQLite did not check is checked, and the new
 * signups are enrolled in their onboarding scenarios. */

#define G_LOG_DOMAIN "tenure-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-import-private.h"
#include "tenure-scenario.h"

/* A load runs with foreign keys and CHECK constraints off (see begin_load() in
 * tenure-import.c): the row loaders enforce the same rules, and checking them row by
 * row costs more than the inserts. So that a fault of the loaders can never reach a
 * workspace, they are checked once at the end, on the tables the load wrote:
 *
 * - the foreign keys of each table, with PRAGMA foreign_key_check;
 * - the CHECK constraints of the table of the kind, on the rows inserted by this load
 *   only: rows are appended, so those are the ids above the largest before the load.
 *   The expressions are the schema's (tenure-db.c), with "x IN (a, b)" written
 *   "x = a OR x = b", which SQLite evaluates faster over a million rows; a row breaks
 *   one when it is false, as for SQLite, not when it is NULL. */
typedef struct
{
  const char * const  fk_tables[4];
  const char         *table;
  const char         *check;
} KindChecks;

static const KindChecks kind_checks[TENURE_IMPORT_N_KINDS] = {
  { { NULL }, NULL, NULL },
  { { "account", NULL }, NULL, NULL },
  { { "account", "subscription", NULL }, "subscription",
    "mrr_cents >= 0 AND (end_date IS NULL OR end_date >= start_date)" },
  { { "account", "event", NULL }, "event",
    "kind = 'session' OR kind = 'action' OR kind = 'feature_used' OR kind = 'job_completed'" },
  { { "account", "response", NULL }, "response",
    "(kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'cli' AND score BETWEEN 1 AND 10)" },
  { { "spend", NULL }, "spend",
    "amount_cents >= 0 AND (leads IS NULL OR leads >= 0)" },
  { { "account", "ticket", NULL }, "ticket",
    "category = 'strategic' OR category = 'basic'" },
  { { "account", "option", "answer", NULL }, "question",
    "kind = 'single' OR kind = 'multiple'" },
};

/* The largest id of the table whose CHECK constraints a load of @kind must verify, before
 * the load; 0 when there is no such table. */
gint64
tenure_import_check_bound (TenureDb         *db,
                           TenureImportKind  kind)
{
  g_autofree char *sql = NULL;

  if (kind_checks[kind].table == NULL)
    return 0;

  sql = g_strdup_printf ("SELECT coalesce (max (rowid), 0) FROM \"%s\"",
                         kind_checks[kind].table);
  return tenure_db_query_int (db, sql, 0);
}

static gboolean
set_check_error (GError     **error,
                 const char  *table,
                 gint64       row,
                 const char  *rule)
{
  g_set_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_CHECK,
               _("Before saving, a last check found that row %lld of the “%s” table breaks "
                 "a rule of the workspace (%s), so nothing was imported. This is a fault in "
                 "Tenure, not in your file: please report it."),
               (long long) row, table, rule);
  return FALSE;
}

/* PRAGMA foreign_key_check on @table: TRUE when every reference holds. */
static gboolean
check_foreign_keys (TenureDb    *db,
                    const char  *table,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_check (\"%s\")", table);
  g_autofree char *rule = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 row;
  int rc;

  rc = sqlite3_prepare_v2 (tenure_db_get_handle (db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return tenure_db_set_error (db, rc, error);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      tenure_db_set_error (db, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  row = sqlite3_column_int64 (stmt, 1);
  rule = g_strdup_printf (_("a reference to a missing row of “%s”"),
                          (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return set_check_error (error, table, row, rule);
}

/* The CHECK constraints of the kind's table on the rows above @check_bound. */
static gboolean
check_constraints (TenureDb          *db,
                   const KindChecks  *checks,
                   gint64             check_bound,
                   GError           **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 row;
  int rc;

  sql = g_strdup_printf ("SELECT rowid FROM \"%s\" WHERE rowid > ? AND NOT (%s) LIMIT 1",
                         checks->table, checks->check);
  rc = sqlite3_prepare_v2 (tenure_db_get_handle (db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return tenure_db_set_error (db, rc, error);
  sqlite3_bind_int64 (stmt, 1, check_bound);

  rc = sqlite3_step (stmt);
  row = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return tenure_db_set_error (db, rc, error);

  return set_check_error (error, checks->table, row, checks->check);
}

/**
 * tenure_import_check_load:
 * @check_bound: tenure_import_check_bound() before the load
 * @enrolled: whether the load enrolled accounts in scenarios (enrolment rows to check)
 *
 * Inside the load's transaction, before its commit: fails with
 * %TENURE_IMPORT_ERROR_CHECK, naming the table and the row, when a table the load wrote
 * has a broken reference or a row it inserted breaks a CHECK constraint.
 */
gboolean
tenure_import_check_load (TenureDb          *db,
                          TenureImportKind   kind,
                          gint64             check_bound,
                          gboolean           enrolled,
                          GError           **error)
{
  const KindChecks *checks = &kind_checks[kind];

  for (guint i = 0; checks->fk_tables[i] != NULL; i++)
    if (!check_foreign_keys (db, checks->fk_tables[i], error))
      return FALSE;
  if (enrolled && !check_foreign_keys (db, "enrolment", error))
    return FALSE;

  return checks->table == NULL || check_constraints (db, checks, check_bound, error);
}

/* After a load of accounts or subscriptions: enrols the accounts it created or changed in
 * the onboarding scenarios that take their segment (tenure_scenario_apply_auto_enrolment(),
 * from the first signup among them). */
gboolean
tenure_import_loader_enrol (TenureImportLoader  *self,
                            GError             **error)
{
  GHashTableIter iter;
  gpointer id;
  sqlite3_stmt *stmt;
  gint32 since = G_MAXINT32;
  guint n = 0;

  if (g_hash_table_size (self->touched) == 0)
    return TRUE;

  /* An account's signup: its signup date, or the start of its first subscription. */
  stmt = tenure_db_prepare (self->db,
                            "SELECT substr (coalesce (signup_date, (SELECT min (start_date) "
                            "FROM subscription WHERE account_id = ?1)), 1, 10) "
                            "FROM account WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, (gint64) (gintptr) id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *signup = (const char *) sqlite3_column_text (stmt, 0);
          gint32 days;

          if (signup != NULL && tenure_date_parse (signup, &days))
            since = MIN (since, days);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tenure_db_set_error (self->db, rc, error);
    }

  if (since == G_MAXINT32)
    return TRUE;  /* no signup known: nobody to enrol */

  if (!tenure_scenario_apply_auto_enrolment (self->db, since, &n, error))
    return FALSE;
  self->result->n_enrolled = n;

  return TRUE;
}
