/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Answers to qualification questions: texts matched to questions and options, created
 * (worth 0 points) when unknown. */

#define G_LOG_DOMAIN "tenure-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-import-private.h"

enum { AN_ACCOUNT, AN_QUESTION, AN_ANSWER };

/* The id of the question with this text (any case), created when unknown. */
static gint64
ensure_question (TenureImportLoader *self,
                 const char         *text)
{
  g_autofree char *key = tenure_import_fold_key (text);
  gpointer found = g_hash_table_lookup (self->questions, key);
  gint64 id;

  if (found != NULL)
    return (gint64) (gintptr) found;

  id = tenure_import_loader_insert_named (self, "INSERT INTO question (text, position) "
                                                "VALUES (?1, ?2)",
                                          text, self->last_question_position + 1);
  if (id == 0)
    return 0;
  self->last_question_position++;

  g_hash_table_insert (self->questions, g_steal_pointer (&key), (gpointer) (gintptr) id);
  g_hash_table_add (self->created_questions, (gpointer) (gintptr) id);
  self->result->questions_created++;
  return id;
}

/* The id of the option of @question_id with this text, created with 0 points when unknown:
 * a manager weighs it later in the question editor. */
static gint64
ensure_option (TenureImportLoader *self,
               gint64              question_id,
               const char         *text)
{
  g_autofree char *folded = tenure_import_fold_key (text);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", question_id, folded);
  gpointer found = g_hash_table_lookup (self->option_ids, key);
  gint64 id;

  if (found != NULL)
    return (gint64) (gintptr) found;

  id = tenure_import_loader_insert_named (self,
                                          "INSERT INTO option (question_id, position, text, "
                                          "points) SELECT ?2, coalesce (max (position), 0) + 1, "
                                          "?1, 0 FROM option WHERE question_id = ?2",
                                          text, question_id);
  if (id == 0)
    return 0;

  g_hash_table_insert (self->option_ids, g_steal_pointer (&key), (gpointer) (gintptr) id);
  self->result->options_created++;
  return id;
}

gboolean
tenure_import_loader_load_answer (TenureImportLoader *self)
{
  const char *external_id = tenure_import_loader_value (self, AN_ACCOUNT);
  const char *question = tenure_import_loader_value (self, AN_QUESTION);
  const char *answer = tenure_import_loader_value (self, AN_ANSWER);
  sqlite3_stmt *stmt;
  gint64 account_id, question_id, option_id;

  if (!tenure_import_loader_loading (self))
    return TRUE;

  if ((account_id = tenure_import_loader_ensure_account (self, external_id)) == 0 ||
      (question_id = ensure_question (self, question)) == 0 ||
      (option_id = ensure_option (self, question_id, answer)) == 0)
    return FALSE;

  /* Questions are created as single choice; one that an account answers with two
   * options is a multiple-choice question (only those this import created: a manager
   * decides for the others). */
  {
    char *key = g_strdup_printf ("%lld:%lld", (long long) account_id, (long long) question_id);
    gpointer first = g_hash_table_lookup (self->first_answers, key);

    if (first == NULL)
      g_hash_table_insert (self->first_answers, key, (gpointer) (gintptr) option_id);
    else
      {
        if ((gint64) (gintptr) first != option_id &&
            g_hash_table_contains (self->created_questions, (gpointer) (gintptr) question_id))
          g_hash_table_add (self->multiple_questions, (gpointer) (gintptr) question_id);
        g_free (key);
      }
  }

  if (self->write)
    {
      stmt = tenure_import_loader_prepare (self,
                      "INSERT OR IGNORE INTO answer (account_id, question_id, option_id, "
                      "import_id) VALUES (?, ?, ?, ?)");
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, question_id);
      sqlite3_bind_int64 (stmt, 3, option_id);
      sqlite3_bind_int64 (stmt, 4, self->import_id);
      if (!tenure_import_loader_step (self, stmt))
        return FALSE;
    }

  self->result->rows++;
  return TRUE;
}
