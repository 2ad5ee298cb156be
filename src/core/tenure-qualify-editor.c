/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The question editor: every edit saved at once in its own transaction, with undo and redo. */

#define G_LOG_DOMAIN "tenure-qualify"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-qualify-private.h"
#include "tenure-undo.h"

/* Older edits are forgotten beyond this many. */
#define UNDO_LIMIT 200

struct _TenureQuestionEditor
{
  GObject     parent_instance;

  TenureDb   *db;
  TenureUndo *history;   /* of QualifyEdit */
  GHashTable *keys;      /* text → qualify_text_key(), for the duplicate checks */

  /* The answers of the question last added to, by text key, so that adding 10,000
   * answers one by one reads them once rather than 10,000 times. Valid while nothing
   * else changed the workspace: no other connection committed (PRAGMA data_version) and
   * this one changed no row since (sqlite3_total_changes64 (), which undo, redo and every
   * other edit move). */
  struct
  {
    gint64         question_id;   /* 0: none */
    gint64         data_version;
    sqlite3_int64  changes;
    GHashTable    *texts;         /* key → text of the first answer with it */
    int            next_position;
  } added;
};

G_DEFINE_FINAL_TYPE (TenureQuestionEditor, tenure_question_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
edit_apply (TenureDb  *db,
            gpointer   edit,
            gboolean   forward,
            GError   **error)
{
  return qualify_edit_apply (db, edit, forward, error);
}

static void
edit_changed (GObject  *owner,
              gpointer  edit)
{
  g_signal_emit (owner, signals [CHANGED], 0);
}

static const TenureUndoFuncs edit_funcs = {
  .apply = edit_apply,
  .free = (GDestroyNotify) qualify_edit_free,
  .changed = edit_changed,
  .error_quark = tenure_qualify_error_quark,
  .nothing_code = TENURE_QUALIFY_ERROR_NOT_FOUND,
  .conflict_code = TENURE_QUALIFY_ERROR_CONFLICT,
};

static void
tenure_question_editor_finalize (GObject *object)
{
  TenureQuestionEditor *self = (TenureQuestionEditor *) object;

  g_clear_pointer (&self->history, tenure_undo_free);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->added.texts, g_hash_table_unref);

  G_OBJECT_CLASS (tenure_question_editor_parent_class)->finalize (object);
}

static void
tenure_question_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  tenure_undo_get_property (TENURE_QUESTION_EDITOR (object)->history, prop_id, value, pspec);
}

static void
tenure_question_editor_class_init (TenureQuestionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenure_question_editor_finalize;
  object_class->get_property = tenure_question_editor_get_property;

  tenure_undo_install_properties (object_class);

  /**
   * TenureQuestionEditor::changed:
   *
   * Emitted after every edit, undo and redo that changed the questions: reload them.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tenure_question_editor_init (TenureQuestionEditor *self)
{
  self->keys = qualify_key_cache_new ();
  self->added.texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * tenure_question_editor_new:
 * @db: the workspace, which must outlive the editor
 *
 * Every edit is written at once, in its own transaction, and pushed on the undo stack.
 */
TenureQuestionEditor *
tenure_question_editor_new (TenureDb *db)
{
  TenureQuestionEditor *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (TENURE_TYPE_QUESTION_EDITOR, NULL);
  self->db = db;
  self->history = tenure_undo_new (&edit_funcs, G_OBJECT (self), db, UNDO_LIMIT);
  return self;
}

TenureDb *
tenure_question_editor_get_db (TenureQuestionEditor *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), NULL);

  return self->db;
}

gboolean
tenure_question_editor_can_undo (TenureQuestionEditor *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return tenure_undo_can_undo (self->history);
}

gboolean
tenure_question_editor_can_redo (TenureQuestionEditor *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return tenure_undo_can_redo (self->history);
}

/* What undo would undo ("Rename question"), or NULL. */
const char *
tenure_question_editor_get_undo_label (TenureQuestionEditor *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), NULL);

  return tenure_undo_get_undo_label (self->history);
}

const char *
tenure_question_editor_get_redo_label (TenureQuestionEditor *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), NULL);

  return tenure_undo_get_redo_label (self->history);
}

void
tenure_question_editor_clear_history (TenureQuestionEditor *self)
{
  g_return_if_fail (TENURE_IS_QUESTION_EDITOR (self));

  tenure_undo_clear (self->history);
}

gboolean
qualify_editor_finish_edit (TenureQuestionEditor  *self,
                            QualifyEdit           *edit,
                            GError               **error)
{
  if (edit->befores->len == 0)
    {
      qualify_edit_free (edit);
      tenure_undo_abort (self->history);
      return TRUE;
    }

  return tenure_undo_apply_and_push (self->history, edit->label, edit, error);
}

gboolean
tenure_question_editor_undo (TenureQuestionEditor  *self,
                             GError               **error)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return tenure_undo_undo (self->history, error);
}

gboolean
tenure_question_editor_redo (TenureQuestionEditor  *self,
                             GError               **error)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return tenure_undo_redo (self->history, error);
}

/* Every edit below: begin, read and build the changes, then finish (apply, commit, record).
 * A builder that fails leaves the transaction to be rolled back by fail_edit(). */
static gboolean
fail_edit (TenureQuestionEditor *self)
{
  return tenure_undo_abort (self->history);
}

static gboolean
fail_edit_not_found (TenureQuestionEditor  *self,
                     QualifyRowKind         what,
                     GError               **error)
{
  qualify_set_not_found (error, what);
  return fail_edit (self);
}

/* Begins an edit and reads the questions, and @question_id's row into @row when asked. */
static gboolean
begin_with_question (TenureQuestionEditor  *self,
                     gint64                 question_id,
                     GPtrArray            **questions,
                     QualifyRow           **row,
                     GError               **error)
{
  if (!tenure_undo_begin (self->history, error))
    return FALSE;
  *questions = qualify_read_questions (self->db, error);
  if (*questions == NULL)
    return fail_edit (self);
  if (row != NULL && (*row = qualify_find_row (*questions, question_id)) == NULL)
    return fail_edit_not_found (self, QUALIFY_ROW_QUESTION, error);

  return TRUE;
}

/* Begins an edit and reads @option_id's row with its question and that question's options. */
static gboolean
begin_with_option (TenureQuestionEditor  *self,
                   gint64                 option_id,
                   QualifyRow           **question,
                   GPtrArray            **options,
                   QualifyRow           **option,
                   GError               **error)
{
  if (!tenure_undo_begin (self->history, error))
    return FALSE;
  if (!qualify_read_option_context (self->db, option_id, question, options, option, error))
    return fail_edit (self);
  if (*option == NULL)
    return fail_edit_not_found (self, QUALIFY_ROW_OPTION, error);

  return TRUE;
}

/* The rows of answer matching @id in @sql: what a deletion would lose. */
static gint64
count_answers (TenureDb   *db,
               const char *sql,
               gint64      id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, sql, NULL);
  gint64 count = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

gint64
tenure_question_editor_add_question (TenureQuestionEditor  *self,
                                     const char            *text,
                                     TenureQuestionKind     kind,
                                     GError               **error)
{
  g_autofree char *clean = qualify_normalize_text (text, QUALIFY_ROW_QUESTION, error);
  g_autoptr(QualifyEdit) edit = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  QualifyRow *row;
  gint64 id;

  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), 0);

  if (clean == NULL || !begin_with_question (self, 0, &questions, NULL, error))
    return 0;
  if (!qualify_check_unique_question (questions, 0, clean, self->keys, error) ||
      !qualify_next_id (self->db, "question", &id, error))
    return fail_edit (self);

  row = g_new0 (QualifyRow, 1);
  row->kind = QUALIFY_ROW_QUESTION;
  row->id = id;
  row->position = qualify_next_position (questions);
  row->text = g_steal_pointer (&clean);
  row->question_kind = kind;
  row->active = FALSE;
  edit = qualify_edit_new (_("Add question"));
  qualify_edit_add (edit, NULL, row);

  return qualify_editor_finish_edit (self, g_steal_pointer (&edit), error) ? id : 0;
}

/* Shared by the question setters: changes one field of one question row. */
typedef enum
{
  QUESTION_FIELD_TEXT,
  QUESTION_FIELD_KIND,
  QUESTION_FIELD_ACTIVE,
} QuestionField;

static gboolean
set_question_field (TenureQuestionEditor  *self,
                    gint64                 question_id,
                    QuestionField          field,
                    const char            *text,
                    int                    value,
                    GError               **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(QualifyEdit) edit = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  const char *label = NULL;
  QualifyRow *before;
  QualifyRow *after;

  if (field == QUESTION_FIELD_TEXT)
    {
      clean = qualify_normalize_text (text, QUALIFY_ROW_QUESTION, error);
      if (clean == NULL)
        return FALSE;
    }
  if (!begin_with_question (self, question_id, &questions, &before, error))
    return FALSE;

  after = qualify_row_copy (before);
  switch (field)
    {
    case QUESTION_FIELD_TEXT:
      if (!qualify_check_unique_question (questions, question_id, clean, self->keys,
                                          error))
        {
          qualify_row_free (after);
          return fail_edit (self);
        }
      g_free (after->text);
      after->text = g_steal_pointer (&clean);
      label = _("Edit question");
      break;

    case QUESTION_FIELD_KIND:
      after->question_kind = value;
      label = _("Change question type");
      break;

    case QUESTION_FIELD_ACTIVE:
      after->active = value != 0;
      if (after->active)
        {
          g_autoptr(GPtrArray) options = qualify_read_options (self->db, question_id, error);

          if (options == NULL || !qualify_check_can_be_active (options, error))
            {
              qualify_row_free (after);
              return fail_edit (self);
            }
        }
      label = after->active ? _("Ask question") : _("Stop asking question");
      break;

    default:
      g_assert_not_reached ();
    }

  edit = qualify_edit_new (label);
  qualify_edit_add (edit, qualify_row_copy (before), after);
  return qualify_editor_finish_edit (self, g_steal_pointer (&edit), error);
}

gboolean
tenure_question_editor_set_question_text (TenureQuestionEditor  *self,
                                          gint64                 question_id,
                                          const char            *text,
                                          GError               **error)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return set_question_field (self, question_id, QUESTION_FIELD_TEXT, text, 0, error);
}

/* Changing the kind only changes how future signups answer: stored answers stay. */
gboolean
tenure_question_editor_set_question_kind (TenureQuestionEditor  *self,
                                          gint64                 question_id,
                                          TenureQuestionKind     kind,
                                          GError               **error)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return set_question_field (self, question_id, QUESTION_FIELD_KIND, NULL, kind, error);
}

/* An inactive question is no longer asked; its answers stay and still count in the audit. */
gboolean
tenure_question_editor_set_question_active (TenureQuestionEditor  *self,
                                            gint64                 question_id,
                                            gboolean               active,
                                            GError               **error)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return set_question_field (self, question_id, QUESTION_FIELD_ACTIVE, NULL, active, error);
}

/* Moves a question to @position (0 is first; beyond the end means last). */
gboolean
tenure_question_editor_move_question (TenureQuestionEditor  *self,
                                      gint64                 question_id,
                                      int                    position,
                                      GError               **error)
{
  g_autoptr(QualifyEdit) edit = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  QualifyRow *row;

  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  if (!begin_with_question (self, question_id, &questions, &row, error))
    return FALSE;

  edit = qualify_edit_new (_("Move question"));
  qualify_edit_add_move (edit, questions, row, position);
  return qualify_editor_finish_edit (self, g_steal_pointer (&edit), error);
}

/* How many accounts answered the question: what deleting it would lose. */
gint64
tenure_question_editor_count_question_answers (TenureQuestionEditor *self,
                                               gint64                question_id)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), 0);

  return count_answers (self->db,
                        "SELECT count(DISTINCT account_id) FROM answer WHERE question_id = ?",
                        question_id);
}

/**
 * tenure_question_editor_delete_question:
 *
 * Deletes the question, its options and every answer to it, in one transaction; undo
 * brings all of them back. Answers are history: before deleting a question that
 * tenure_question_editor_count_question_answers() says was answered, ask, and offer to
 * deactivate it instead (it is then no longer asked, and its answers keep counting in
 * the audit).
 */
gboolean
tenure_question_editor_delete_question (TenureQuestionEditor  *self,
                                        gint64                 question_id,
                                        GError               **error)
{
  g_autoptr(QualifyEdit) edit = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) options = NULL;
  QualifyRow *row;

  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  if (!begin_with_question (self, question_id, &questions, &row, error))
    return FALSE;
  options = qualify_read_options (self->db, question_id, error);
  if (options == NULL)
    return fail_edit (self);

  edit = qualify_edit_new (_("Delete question"));
  if (!qualify_edit_add_answer_deletions (self->db, edit, question_id, 0, error))
    return fail_edit (self);
  for (guint i = 0; i < options->len; i++)
    qualify_edit_add (edit, qualify_row_copy (g_ptr_array_index (options, i)), NULL);
  qualify_edit_add (edit, qualify_row_copy (row), NULL);
  g_ptr_array_remove (questions, row);
  qualify_edit_add_renumbering (edit, questions);

  return qualify_editor_finish_edit (self, g_steal_pointer (&edit), error);
}

/* Makes self->added the answers of @question_id as the open transaction sees them. */
static gboolean
update_added (TenureQuestionEditor  *self,
              gint64                 question_id,
              GError               **error)
{
  sqlite3_int64 changes = sqlite3_total_changes64 (tenure_db_get_handle (self->db));
  g_autoptr(GPtrArray) options = NULL;
  gint64 version;

  if (!tenure_db_get_data_version (self->db, &version, error))
    return FALSE;
  if (self->added.question_id == question_id && self->added.data_version == version &&
      self->added.changes == changes)
    return TRUE;

  self->added.question_id = 0;
  g_hash_table_remove_all (self->added.texts);
  options = qualify_read_options (self->db, question_id, error);
  if (options == NULL)
    return FALSE;
  for (guint i = 0; i < options->len; i++)
    {
      QualifyRow *row = g_ptr_array_index (options, i);
      char *key = qualify_text_key (row->text);

      if (g_hash_table_contains (self->added.texts, key))
        g_free (key);
      else
        g_hash_table_insert (self->added.texts, key, g_strdup (row->text));
    }
  self->added.question_id = question_id;
  self->added.data_version = version;
  self->added.changes = changes;
  self->added.next_position = qualify_next_position (options);

  return TRUE;
}

/* A new option goes last. */
gint64
tenure_question_editor_add_option (TenureQuestionEditor  *self,
                                   gint64                 question_id,
                                   const char            *text,
                                   int                    points,
                                   GError               **error)
{
  g_autofree char *clean = qualify_normalize_text (text, QUALIFY_ROW_OPTION, error);
  g_autofree char *key = NULL;
  g_autoptr(QualifyEdit) edit = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  QualifyRow *question;
  QualifyRow *row;
  const char *same;
  gint64 id;

  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), 0);

  if (clean == NULL || !qualify_check_points (points, error) ||
      !begin_with_question (self, question_id, &questions, &question, error))
    return 0;
  if (!update_added (self, question_id, error))
    return fail_edit (self);
  key = qualify_text_key (clean);
  same = g_hash_table_lookup (self->added.texts, key);
  if (same != NULL)
    {
      /* The words of qualify_check_unique_option(). */
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID,
                   _("This question already has an answer “%s”: give this one another "
                     "text"), same);
      return fail_edit (self);
    }
  if (!qualify_next_id (self->db, "option", &id, error))
    return fail_edit (self);

  row = g_new0 (QualifyRow, 1);
  row->kind = QUALIFY_ROW_OPTION;
  row->id = id;
  row->question_id = question_id;
  row->position = self->added.next_position;
  row->text = g_strdup (clean);
  row->points = points;
  edit = qualify_edit_new (_("Add answer"));
  qualify_edit_add (edit, NULL, row);

  if (!qualify_editor_finish_edit (self, g_steal_pointer (&edit), error))
    {
      self->added.question_id = 0;
      return 0;
    }

  /* The answer added is the only change since the answers were read. */
  g_hash_table_insert (self->added.texts, g_steal_pointer (&key), g_steal_pointer (&clean));
  self->added.next_position++;
  self->added.changes = sqlite3_total_changes64 (tenure_db_get_handle (self->db));
  return id;
}

typedef enum
{
  OPTION_FIELD_TEXT,
  OPTION_FIELD_POINTS,
  OPTION_FIELD_POSITION,
} OptionField;

static gboolean
set_option_field (TenureQuestionEditor  *self,
                  gint64                 option_id,
                  OptionField            field,
                  const char            *text,
                  int                    value,
                  GError               **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(QualifyEdit) edit = NULL;
  g_autoptr(QualifyRow) question = NULL;
  g_autoptr(GPtrArray) options = NULL;
  QualifyRow *option = NULL;
  QualifyRow *after;

  if (field == OPTION_FIELD_TEXT)
    {
      clean = qualify_normalize_text (text, QUALIFY_ROW_OPTION, error);
      if (clean == NULL)
        return FALSE;
    }
  if (field == OPTION_FIELD_POINTS && !qualify_check_points (value, error))
    return FALSE;
  if (!begin_with_option (self, option_id, &question, &options, &option, error))
    return FALSE;

  switch (field)
    {
    case OPTION_FIELD_TEXT:
      if (!qualify_check_unique_option (options, option_id, clean, self->keys, error))
        return fail_edit (self);
      after = qualify_row_copy (option);
      g_free (after->text);
      after->text = g_steal_pointer (&clean);
      edit = qualify_edit_new (_("Edit answer"));
      qualify_edit_add (edit, qualify_row_copy (option), after);
      break;

    case OPTION_FIELD_POINTS:
      after = qualify_row_copy (option);
      after->points = value;
      edit = qualify_edit_new (_("Change points"));
      qualify_edit_add (edit, qualify_row_copy (option), after);
      break;

    case OPTION_FIELD_POSITION:
      edit = qualify_edit_new (_("Move answer"));
      qualify_edit_add_move (edit, options, option, value);
      break;

    default:
      g_assert_not_reached ();
    }

  return qualify_editor_finish_edit (self, g_steal_pointer (&edit), error);
}

gboolean
tenure_question_editor_set_option_text (TenureQuestionEditor  *self,
                                        gint64                 option_id,
                                        const char            *text,
                                        GError               **error)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return set_option_field (self, option_id, OPTION_FIELD_TEXT, text, 0, error);
}

gboolean
tenure_question_editor_set_option_points (TenureQuestionEditor  *self,
                                          gint64                 option_id,
                                          int                    points,
                                          GError               **error)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return set_option_field (self, option_id, OPTION_FIELD_POINTS, NULL, points, error);
}

gboolean
tenure_question_editor_move_option (TenureQuestionEditor  *self,
                                    gint64                 option_id,
                                    int                    position,
                                    GError               **error)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  return set_option_field (self, option_id, OPTION_FIELD_POSITION, NULL, position, error);
}

gint64
tenure_question_editor_count_option_answers (TenureQuestionEditor *self,
                                             gint64                option_id)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), 0);

  return count_answers (self->db, "SELECT count(*) FROM answer WHERE option_id = ?", option_id);
}

/**
 * tenure_question_editor_delete_option:
 *
 * Deletes the option and the answers that chose it, in one transaction (undo brings them
 * back). An active question keeps at least two options: deactivate it first.
 */
gboolean
tenure_question_editor_delete_option (TenureQuestionEditor  *self,
                                      gint64                 option_id,
                                      GError               **error)
{
  g_autoptr(QualifyEdit) edit = NULL;
  g_autoptr(QualifyRow) question = NULL;
  g_autoptr(GPtrArray) options = NULL;
  QualifyRow *option = NULL;

  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR (self), FALSE);

  if (!begin_with_option (self, option_id, &question, &options, &option, error))
    return FALSE;
  if (question->active && options->len <= 2)
    {
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_INVALID,
                   _("A question that is asked needs at least two answers: stop asking it "
                     "before deleting this answer"));
      return fail_edit (self);
    }

  edit = qualify_edit_new (_("Delete answer"));
  if (!qualify_edit_add_answer_deletions (self->db, edit, option->question_id, option_id, error))
    return fail_edit (self);
  qualify_edit_add (edit, qualify_row_copy (option), NULL);
  g_ptr_array_remove (options, option);
  qualify_edit_add_renumbering (edit, options);

  return qualify_editor_finish_edit (self, g_steal_pointer (&edit), error);
}
