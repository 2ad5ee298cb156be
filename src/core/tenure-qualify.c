/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Qualification questions as stored: listing, scores, the picked threshold, and the row
 * changes every edit is made of. */

#define G_LOG_DOMAIN "tenure-qualify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-qualify-private.h"

G_DEFINE_QUARK (tenure-qualify-error-quark, tenure_qualify_error)

const char *
tenure_question_kind_to_string (TenureQuestionKind kind)
{
  return kind == TENURE_QUESTION_MULTIPLE ? "multiple" : "single";
}

gboolean
tenure_question_kind_from_string (const char         *text,
                                  TenureQuestionKind *kind)
{
  if (g_strcmp0 (text, "single") == 0)
    *kind = TENURE_QUESTION_SINGLE;
  else if (g_strcmp0 (text, "multiple") == 0)
    *kind = TENURE_QUESTION_MULTIPLE;
  else
    return FALSE;

  return TRUE;
}

void
tenure_question_free (TenureQuestion *question)
{
  if (question == NULL)
    return;

  g_free (question->text);
  g_clear_pointer (&question->options, g_ptr_array_unref);
  g_free (question);
}

static void
option_free (TenureOption *option)
{
  g_free (option->text);
  g_free (option);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Finishes a SELECT loop: SQLITE_DONE is success, anything else an error. */
static gboolean
end_query (TenureDb      *db,
           sqlite3_stmt  *stmt,
           int            rc,
           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

/**
 * tenure_qualify_list_questions:
 *
 * Returns: (transfer full): every question by position (#TenureQuestion), each with its
 * options by position and the number of accounts that answered it or chose them.
 */
GPtrArray *
tenure_qualify_list_questions (TenureDb  *db,
                               GError   **error)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_question_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT q.id, q.position, q.text, q.kind, q.active,"
                            "  (SELECT count(DISTINCT a.account_id) FROM answer a"
                            "   WHERE a.question_id = q.id) "
                            "FROM question q ORDER BY q.position, q.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureQuestion *question = g_new0 (TenureQuestion, 1);

      question->id = sqlite3_column_int64 (stmt, 0);
      question->position = sqlite3_column_int (stmt, 1);
      question->text = g_strdup (column_text (stmt, 2));
      tenure_question_kind_from_string (column_text (stmt, 3), &question->kind);
      question->active = sqlite3_column_int (stmt, 4) != 0;
      question->answers = sqlite3_column_int64 (stmt, 5);
      question->options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
      g_ptr_array_add (questions, question);
      g_hash_table_insert (by_id, &question->id, question);
    }
  if (!end_query (db, stmt, rc, error))
    return NULL;

  stmt = tenure_db_prepare (db,
                            "SELECT o.id, o.question_id, o.position, o.text, o.points,"
                            "  (SELECT count(*) FROM answer a"
                            "   WHERE a.question_id = o.question_id AND a.option_id = o.id) "
                            "FROM option o ORDER BY o.question_id, o.position, o.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 question_id = sqlite3_column_int64 (stmt, 1);
      TenureQuestion *question = g_hash_table_lookup (by_id, &question_id);
      TenureOption *option;

      if (question == NULL)
        continue;
      option = g_new0 (TenureOption, 1);
      option->id = sqlite3_column_int64 (stmt, 0);
      option->position = sqlite3_column_int (stmt, 2);
      option->text = g_strdup (column_text (stmt, 3));
      option->points = sqlite3_column_int (stmt, 4);
      option->answers = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (question->options, option);
    }
  if (!end_query (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&questions);
}

/**
 * tenure_qualify_scores:
 *
 * Returns: (transfer full): a #TenureAccountScore per account with at least one answer,
 * by account id. The score sums the points of every chosen option, inactive questions
 * included.
 */
GArray *
tenure_qualify_scores (TenureDb  *db,
                       GError   **error)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (TenureAccountScore));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT a.account_id, coalesce (sum (o.points), 0) "
                            "FROM answer a JOIN option o ON o.id = a.option_id "
                            "GROUP BY a.account_id ORDER BY a.account_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureAccountScore score;

      score.account_id = sqlite3_column_int64 (stmt, 0);
      score.score = sqlite3_column_int (stmt, 1);
      g_array_append_val (scores, score);
    }
  if (!end_query (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&scores);
}

/* Returns FALSE when no threshold was picked, or the setting is not an integer. */
gboolean
tenure_qualify_get_threshold (TenureDb *db,
                              int      *threshold)
{
  g_autofree char *text = tenure_db_get_setting (db, TENURE_QUALIFY_THRESHOLD_KEY, NULL);
  gint64 value;

  if (text == NULL ||
      !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return FALSE;

  *threshold = (int) value;
  return TRUE;
}

gboolean
tenure_qualify_set_threshold (TenureDb  *db,
                              gboolean   has_threshold,
                              int        threshold,
                              GError   **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  if (has_threshold)
    {
      text = g_strdup_printf ("%d", threshold);
      return tenure_db_set_setting (db, TENURE_QUALIFY_THRESHOLD_KEY, text, error);
    }

  stmt = tenure_db_prepare (db, "DELETE FROM workspace WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, TENURE_QUALIFY_THRESHOLD_KEY, -1, SQLITE_STATIC);
  return tenure_db_step_done (db, stmt, error);
}

/* Rows and edits */

QualifyRow *
qualify_row_copy (const QualifyRow *row)
{
  QualifyRow *copy = g_memdup2 (row, sizeof *row);

  copy->text = g_strdup (row->text);
  return copy;
}

void
qualify_row_free (QualifyRow *row)
{
  if (row == NULL)
    return;

  g_free (row->text);
  g_free (row);
}

QualifyEdit *
qualify_edit_new (const char *label)
{
  QualifyEdit *edit = g_new0 (QualifyEdit, 1);

  edit->label = g_strdup (label);
  edit->befores = g_ptr_array_new_with_free_func ((GDestroyNotify) qualify_row_free);
  edit->afters = g_ptr_array_new_with_free_func ((GDestroyNotify) qualify_row_free);
  return edit;
}

void
qualify_edit_free (QualifyEdit *edit)
{
  if (edit == NULL)
    return;

  g_free (edit->label);
  g_ptr_array_unref (edit->befores);
  g_ptr_array_unref (edit->afters);
  g_free (edit);
}

/* Takes both rows. A change that changes nothing is dropped. */
void
qualify_edit_add (QualifyEdit *edit,
                  QualifyRow  *before,
                  QualifyRow  *after)
{
  g_return_if_fail (before != NULL || after != NULL);

  if (before != NULL && after != NULL &&
      before->position == after->position && before->points == after->points &&
      before->active == after->active && before->question_kind == after->question_kind &&
      g_strcmp0 (before->text, after->text) == 0)
    {
      qualify_row_free (before);
      qualify_row_free (after);
      return;
    }

  g_ptr_array_add (edit->befores, before);
  g_ptr_array_add (edit->afters, after);
}

/* Every question row by position (QualifyRow). */
GPtrArray *
qualify_read_questions (TenureDb  *db,
                        GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) qualify_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT id, position, text, kind, active FROM question "
                            "ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QualifyRow *row = g_new0 (QualifyRow, 1);

      row->kind = QUALIFY_ROW_QUESTION;
      row->id = sqlite3_column_int64 (stmt, 0);
      row->position = sqlite3_column_int (stmt, 1);
      row->text = g_strdup (column_text (stmt, 2));
      tenure_question_kind_from_string (column_text (stmt, 3), &row->question_kind);
      row->active = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (rows, row);
    }
  if (!end_query (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* The option rows of a question by position (QualifyRow). */
GPtrArray *
qualify_read_options (TenureDb  *db,
                      gint64     question_id,
                      GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) qualify_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT id, position, text, points FROM option "
                            "WHERE question_id = ? ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QualifyRow *row = g_new0 (QualifyRow, 1);

      row->kind = QUALIFY_ROW_OPTION;
      row->id = sqlite3_column_int64 (stmt, 0);
      row->question_id = question_id;
      row->position = sqlite3_column_int (stmt, 1);
      row->text = g_strdup (column_text (stmt, 2));
      row->points = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  if (!end_query (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* Answers of a question, or of one of its options when @option_id is not 0. */
GPtrArray *
qualify_read_answers (TenureDb  *db,
                      gint64     question_id,
                      gint64     option_id,
                      GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) qualify_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT account_id, option_id, import_id FROM answer "
                            "WHERE question_id = ?1 AND (?2 = 0 OR option_id = ?2) "
                            "ORDER BY account_id, option_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);
  sqlite3_bind_int64 (stmt, 2, option_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QualifyRow *row = g_new0 (QualifyRow, 1);

      row->kind = QUALIFY_ROW_ANSWER;
      row->id = sqlite3_column_int64 (stmt, 0);
      row->question_id = question_id;
      row->option_id = sqlite3_column_int64 (stmt, 1);
      row->import_id = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (rows, row);
    }
  if (!end_query (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* The position after the last of @rows (sorted by position): where a new row goes. */
int
qualify_next_position (GPtrArray *rows)
{
  if (rows->len == 0)
    return 0;

  return ((QualifyRow *) g_ptr_array_index (rows, rows->len - 1))->position + 1;
}

/* The id a new row of @table (question or option) takes. Read inside the edit's write
 * transaction, so that no other connection can take it before the edit is saved. */
gboolean
qualify_next_id (TenureDb    *db,
                 const char  *table,
                 gint64      *id,
                 GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) + 1 FROM %s", table);

  g_return_val_if_fail (!sqlite3_get_autocommit (tenure_db_get_handle (db)), FALSE);

  return tenure_db_query_int_checked (db, sql, id, error);
}

/* Strips surrounding spaces; refuses empty text and invalid UTF-8. */
char *
qualify_normalize_text (const char      *text,
                        QualifyRowKind   what,
                        GError         **error)
{
  g_autofree char *copy = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID,
                           _("The text is not valid UTF-8"));
      return NULL;
    }

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    {
      g_set_error_literal (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID,
                           what == QUALIFY_ROW_QUESTION
                           ? _("The question needs a text: type what the customer reads")
                           : _("The answer needs a text: type what the customer can choose"));
      return NULL;
    }

  return g_steal_pointer (&copy);
}

gboolean
qualify_check_points (int      points,
                      GError **error)
{
  if (points < TENURE_QUALIFY_POINTS_MIN || points > TENURE_QUALIFY_POINTS_MAX)
    {
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID,
                   _("Points must be a whole number between %d and %d (not %d)"),
                   TENURE_QUALIFY_POINTS_MIN, TENURE_QUALIFY_POINTS_MAX, points);
      return FALSE;
    }

  return TRUE;
}

/* What texts are compared by: two texts are the same when their keys are equal, that is
 * when they only differ by case or Unicode normalisation (questions are matched by text).
 * ASCII text is only lower-cased: normalising it changes nothing, and casefolding it is
 * lower-casing. Text that cannot be normalised (not UTF-8) is its own key. */
char *
qualify_text_key (const char *text)
{
  g_autofree char *normal = NULL;
  const char *p;

  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT);
  if (normal == NULL)
    return g_strdup (text);
  return g_utf8_casefold (normal, -1);
}

/* The most texts a key cache keeps before it starts again: a bound on its memory. */
#define KEY_CACHE_MAX 100000

/* A cache of qualify_text_key(): text → key, for qualify_text_key_cached(). */
GHashTable *
qualify_key_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The key of @text, normalised once for every @cache (a question with 10,000 answers is
 * compared with each new answer: normalising them all each time took minutes). */
const char *
qualify_text_key_cached (GHashTable *cache,
                         const char *text)
{
  char *key = g_hash_table_lookup (cache, text);

  if (key == NULL)
    {
      if (g_hash_table_size (cache) >= KEY_CACHE_MAX)
        g_hash_table_remove_all (cache);
      key = qualify_text_key (text);
      g_hash_table_insert (cache, g_strdup (text), key);
    }

  return key;
}

/* The SQL of one row change. Each statement must touch exactly one row. */
static gboolean
apply_row (TenureDb          *db,
           const QualifyRow  *before,
           const QualifyRow  *after,
           GError           **error)
{
  const QualifyRow *row = after != NULL ? after : before;
  sqlite3_stmt *stmt = NULL;
  const char *sql = NULL;
  int rc;

  switch (row->kind)
    {
    case QUALIFY_ROW_QUESTION:
      if (before == NULL)
        sql = "INSERT INTO question (position, text, kind, active, id) VALUES (?1, ?2, ?3, ?4, ?5)";
      else if (after == NULL)
        sql = "DELETE FROM question WHERE id = ?5";
      else
        sql = "UPDATE question SET position = ?1, text = ?2, kind = ?3, active = ?4 WHERE id = ?5";
      break;

    case QUALIFY_ROW_OPTION:
      if (before == NULL)
        sql = "INSERT INTO option (position, text, points, question_id, id) VALUES (?1, ?2, ?3, ?4, ?5)";
      else if (after == NULL)
        sql = "DELETE FROM option WHERE id = ?5";
      else
        sql = "UPDATE option SET position = ?1, text = ?2, points = ?3 WHERE id = ?5 AND question_id = ?4";
      break;

    case QUALIFY_ROW_ANSWER:
      if (before == NULL)
        sql = "INSERT INTO answer (account_id, question_id, option_id, import_id) VALUES (?1, ?2, ?3, ?4)";
      else
        sql = "DELETE FROM answer WHERE account_id = ?1 AND question_id = ?2 AND option_id = ?3";
      break;

    default:
      g_assert_not_reached ();
    }

  stmt = tenure_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  switch (row->kind)
    {
    case QUALIFY_ROW_QUESTION:
      sqlite3_bind_int (stmt, 1, row->position);
      sqlite3_bind_text (stmt, 2, row->text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, tenure_question_kind_to_string (row->question_kind), -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, row->active ? 1 : 0);
      sqlite3_bind_int64 (stmt, 5, row->id);
      break;

    case QUALIFY_ROW_OPTION:
      sqlite3_bind_int (stmt, 1, row->position);
      sqlite3_bind_text (stmt, 2, row->text, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, row->points);
      sqlite3_bind_int64 (stmt, 4, row->question_id);
      sqlite3_bind_int64 (stmt, 5, row->id);
      break;

    case QUALIFY_ROW_ANSWER:
      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_int64 (stmt, 2, row->question_id);
      sqlite3_bind_int64 (stmt, 3, row->option_id);
      if (before == NULL && row->import_id != 0)
        sqlite3_bind_int64 (stmt, 4, row->import_id);
      break;

    default:
      g_assert_not_reached ();
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT ||
      (rc == SQLITE_DONE && sqlite3_changes (tenure_db_get_handle (db)) != 1))
    {
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_CONFLICT,
                   _("The questions were changed outside this editor, so this change cannot "
                     "be made: reopen the questions and try again"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

/* Applies an edit forward (redo) or backward (undo), in the current transaction. */
gboolean
qualify_edit_apply (TenureDb     *db,
                    QualifyEdit  *edit,
                    gboolean      forward,
                    GError      **error)
{
  guint n = edit->befores->len;

  for (guint i = 0; i < n; i++)
    {
      guint k = forward ? i : n - 1 - i;
      const QualifyRow *before = g_ptr_array_index (edit->befores, k);
      const QualifyRow *after = g_ptr_array_index (edit->afters, k);

      if (!apply_row (db, forward ? before : after, forward ? after : before, error))
        return FALSE;
    }

  return TRUE;
}

/* Edit builders: each reads the rows it changes inside the caller's transaction. */

QualifyRow *
qualify_find_row (GPtrArray *rows,
                  gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      QualifyRow *row = g_ptr_array_index (rows, i);

      if (row->id == id)
        return row;
    }

  return NULL;
}

gboolean
qualify_set_not_found (GError         **error,
                       QualifyRowKind   what)
{
  g_set_error_literal (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_NOT_FOUND,
                       what == QUALIFY_ROW_QUESTION
                       ? _("This question no longer exists: it was deleted")
                       : _("This answer no longer exists: it was deleted"));
  return FALSE;
}

/* Renumbers @rows 0, 1, 2… in their array order, recording the positions that change. */
void
qualify_edit_add_renumbering (QualifyEdit *edit,
                              GPtrArray   *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      QualifyRow *row = g_ptr_array_index (rows, i);

      if (row->position != (int) i)
        {
          QualifyRow *after = qualify_row_copy (row);

          after->position = (int) i;
          qualify_edit_add (edit, qualify_row_copy (row), after);
        }
    }
}

/* Moves @row (an element of @rows) to @position, renumbering everything. */
void
qualify_edit_add_move (QualifyEdit *edit,
                       GPtrArray   *rows,
                       QualifyRow  *row,
                       int          position)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (g_ptr_array_index (rows, i) != row)
      g_ptr_array_add (order, g_ptr_array_index (rows, i));

  position = CLAMP (position, 0, (int) order->len);
  g_ptr_array_insert (order, position, row);
  qualify_edit_add_renumbering (edit, order);
}

/* Deletes the answers of a question (or one option), recording them for undo. */
gboolean
qualify_edit_add_answer_deletions (TenureDb     *db,
                                   QualifyEdit  *edit,
                                   gint64        question_id,
                                   gint64        option_id,
                                   GError      **error)
{
  g_autoptr(GPtrArray) answers = qualify_read_answers (db, question_id, option_id, error);

  if (answers == NULL)
    return FALSE;
  for (guint i = 0; i < answers->len; i++)
    qualify_edit_add (edit, qualify_row_copy (g_ptr_array_index (answers, i)), NULL);

  return TRUE;
}

/* @keys: a cache of qualify_text_key_cached() */
gboolean
qualify_check_unique_question (GPtrArray   *questions,
                               gint64       except_id,
                               const char  *text,
                               GHashTable  *keys,
                               GError     **error)
{
  g_autofree char *key = qualify_text_key (text);

  for (guint i = 0; i < questions->len; i++)
    {
      QualifyRow *row = g_ptr_array_index (questions, i);

      if (row->id != except_id && strcmp (qualify_text_key_cached (keys, row->text), key) == 0)
        {
          g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID,
                       _("There is already a question “%s”: give this one another text"),
                       row->text);
          return FALSE;
        }
    }

  return TRUE;
}

/* @keys: a cache of qualify_text_key_cached() */
gboolean
qualify_check_unique_option (GPtrArray   *options,
                             gint64       except_id,
                             const char  *text,
                             GHashTable  *keys,
                             GError     **error)
{
  g_autofree char *key = qualify_text_key (text);

  for (guint i = 0; i < options->len; i++)
    {
      QualifyRow *row = g_ptr_array_index (options, i);

      if (row->id != except_id && strcmp (qualify_text_key_cached (keys, row->text), key) == 0)
        {
          g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID,
                       _("This question already has an answer “%s”: give this one another "
                         "text"), row->text);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
qualify_check_can_be_active (GPtrArray  *options,
                             GError    **error)
{
  if (options->len < 2)
    {
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID,
                   _("A question needs at least two answers to choose from before it can be "
                     "asked"));
      return FALSE;
    }

  return TRUE;
}

/* Looks up an option's question (a copy) and all its options; @option points into them. */
gboolean
qualify_read_option_context (TenureDb     *db,
                             gint64        option_id,
                             QualifyRow  **question,
                             GPtrArray   **options,
                             QualifyRow  **option,
                             GError      **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  gint64 question_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db, "SELECT question_id FROM option WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, option_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    question_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tenure_db_set_error (db, rc, error);
  if (rc == SQLITE_DONE)
    return qualify_set_not_found (error, QUALIFY_ROW_OPTION);

  questions = qualify_read_questions (db, error);
  if (questions == NULL)
    return FALSE;
  *question = qualify_find_row (questions, question_id);
  if (*question == NULL)
    return qualify_set_not_found (error, QUALIFY_ROW_QUESTION);
  *question = qualify_row_copy (*question);

  *options = qualify_read_options (db, question_id, error);
  if (*options == NULL)
    {
      g_clear_pointer (question, qualify_row_free);
      return FALSE;
    }
  *option = qualify_find_row (*options, option_id);

  return TRUE;
}
