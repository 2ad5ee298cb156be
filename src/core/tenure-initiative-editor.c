/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Initiatives as stored, their validation, and the editor: saved at once, with undo and redo. */

#define G_LOG_DOMAIN "tenure-initiative"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-initiative.h"
#include "tenure-undo.h"

/* Older edits are forgotten beyond this many. */
#define UNDO_LIMIT 200

G_DEFINE_QUARK (tenure-initiative-error-quark, tenure_initiative_error)

TenureInitiative *
tenure_initiative_new (void)
{
  TenureInitiative *initiative = g_new0 (TenureInitiative, 1);

  initiative->name = g_strdup ("");
  initiative->notes = g_strdup ("");
  return initiative;
}

TenureInitiative *
tenure_initiative_copy (const TenureInitiative *initiative)
{
  TenureInitiative *copy;

  g_return_val_if_fail (initiative != NULL, NULL);

  copy = g_memdup2 (initiative, sizeof *initiative);
  copy->name = g_strdup (initiative->name);
  copy->segment = g_strdup (initiative->segment);
  copy->notes = g_strdup (initiative->notes);
  return copy;
}

void
tenure_initiative_free (TenureInitiative *initiative)
{
  if (initiative == NULL)
    return;

  g_free (initiative->name);
  g_free (initiative->segment);
  g_free (initiative->notes);
  g_free (initiative);
}

gboolean
tenure_initiative_equal (const TenureInitiative *a,
                         const TenureInitiative *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->id == b->id &&
         g_strcmp0 (a->name, b->name) == 0 &&
         a->cost_cents == b->cost_cents &&
         a->start_month == b->start_month &&
         a->end_month == b->end_month &&
         g_strcmp0 (a->segment, b->segment) == 0 &&
         a->scenario_id == b->scenario_id &&
         g_strcmp0 (a->notes != NULL ? a->notes : "", b->notes != NULL ? b->notes : "") == 0;
}

static gboolean
column_month (sqlite3_stmt *stmt,
              int           column,
              int          *month)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && strlen (text) < TENURE_MONTH_BUF && tenure_month_parse (text, month);
}

/* Rows of @stmt (already bound) as TenureInitiative. */
static GPtrArray *
read_initiatives (TenureDb      *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) initiatives = NULL;
  int rc;

  initiatives = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_initiative_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureInitiative *initiative = g_new0 (TenureInitiative, 1);
      const char *segment = (const char *) sqlite3_column_text (stmt, 5);
      const char *notes = (const char *) sqlite3_column_text (stmt, 7);

      initiative->id = sqlite3_column_int64 (stmt, 0);
      initiative->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      initiative->cost_cents = sqlite3_column_int64 (stmt, 2);
      initiative->segment = segment != NULL && *segment != '\0' ? g_strdup (segment) : NULL;
      initiative->scenario_id = sqlite3_column_int64 (stmt, 6);
      initiative->notes = g_strdup (notes != NULL ? notes : "");
      if (!column_month (stmt, 3, &initiative->start_month) ||
          !column_month (stmt, 4, &initiative->end_month))
        {
          /* Only the editor writes initiatives: a row it could not have written is skipped. */
          tenure_initiative_free (initiative);
          continue;
        }
      g_ptr_array_add (initiatives, initiative);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&initiatives);
}

#define SELECT_INITIATIVE \
  "SELECT id, name, cost_cents, start_month, end_month, segment, scenario_id, notes " \
  "FROM initiative "

GPtrArray *
tenure_initiative_list (TenureDb  *db,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = tenure_db_prepare (db, SELECT_INITIATIVE "ORDER BY start_month, name, id", error);
  if (stmt == NULL)
    return NULL;
  return read_initiatives (db, stmt, error);
}

/* The initiative @id, or NULL with @error unset when there is none. */
static TenureInitiative *
find_initiative (TenureDb  *db,
                 gint64     id,
                 GError   **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  stmt = tenure_db_prepare (db, SELECT_INITIATIVE "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  found = read_initiatives (db, stmt, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_ptr_array_steal_index (found, 0);
}

TenureInitiative *
tenure_initiative_load (TenureDb  *db,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  TenureInitiative *initiative;

  g_return_val_if_fail (db != NULL, NULL);

  initiative = find_initiative (db, id, &local_error);
  if (initiative == NULL && local_error == NULL)
    g_set_error_literal (&local_error, TENURE_INITIATIVE_ERROR,
                         TENURE_INITIATIVE_ERROR_NOT_FOUND,
                         _("This initiative no longer exists"));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return initiative;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, TENURE_INITIATIVE_ERROR, TENURE_INITIATIVE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
tenure_initiative_validate (TenureDb                *db,
                            const TenureInitiative  *initiative,
                            GError                 **error)
{
  gboolean has_segment;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (initiative != NULL, FALSE);

  if (initiative->name == NULL || !g_utf8_validate (initiative->name, -1, NULL))
    return invalid (error, _("Give the initiative a name"));
  {
    /* g_strstrip works in place: check a copy. */
    g_autofree char *trimmed = g_strstrip (g_strdup (initiative->name));

    if (*trimmed == '\0')
      return invalid (error, _("Give the initiative a name"));
  }
  if (initiative->cost_cents < 0)
    return invalid (error, _("The cost cannot be negative"));
  if (initiative->start_month <= 0 || initiative->end_month <= 0)
    return invalid (error, _("Give the first and last month of the initiative"));
  if (initiative->start_month > initiative->end_month)
    return invalid (error, _("The first month must not come after the last month"));

  has_segment = initiative->segment != NULL && *initiative->segment != '\0';
  if (has_segment == (initiative->scenario_id != 0))
    return invalid (error, _("Target exactly one group: a segment or an onboarding scenario"));
  if (!has_segment)
    {
      stmt = tenure_db_prepare (db, "SELECT 1 FROM scenario WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, initiative->scenario_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, TENURE_INITIATIVE_ERROR, TENURE_INITIATIVE_ERROR_NOT_FOUND,
                               _("The onboarding scenario of this initiative no longer exists"));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return tenure_db_set_error (db, rc, error);
    }

  return TRUE;
}

/* The editor */

/* One edit: the initiative before and after (NULL: absent). */
typedef struct
{
  gint64            id;
  TenureInitiative *before;
  TenureInitiative *after;
} InitiativeEdit;

static void
initiative_edit_free (InitiativeEdit *edit)
{
  tenure_initiative_free (edit->before);
  tenure_initiative_free (edit->after);
  g_free (edit);
}

struct _TenureInitiativeEditor
{
  GObject     parent_instance;

  TenureDb   *db;
  TenureUndo *history;   /* of InitiativeEdit */
};

G_DEFINE_FINAL_TYPE (TenureInitiativeEditor, tenure_initiative_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean edit_apply (TenureDb  *db,
                            gpointer   edit,
                            gboolean   forward,
                            GError   **error);

static void
edit_changed (GObject  *owner,
              gpointer  edit)
{
  g_signal_emit (owner, signals [CHANGED], 0);
}

static const TenureUndoFuncs edit_funcs = {
  .apply = edit_apply,
  .free = (GDestroyNotify) initiative_edit_free,
  .changed = edit_changed,
  .error_quark = tenure_initiative_error_quark,
  .nothing_code = TENURE_INITIATIVE_ERROR_NOT_FOUND,
  .conflict_code = TENURE_INITIATIVE_ERROR_CONFLICT,
};

static void
tenure_initiative_editor_finalize (GObject *object)
{
  TenureInitiativeEditor *self = (TenureInitiativeEditor *) object;

  g_clear_pointer (&self->history, tenure_undo_free);

  G_OBJECT_CLASS (tenure_initiative_editor_parent_class)->finalize (object);
}

static void
tenure_initiative_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  tenure_undo_get_property (TENURE_INITIATIVE_EDITOR (object)->history, prop_id, value, pspec);
}

static void
tenure_initiative_editor_class_init (TenureInitiativeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenure_initiative_editor_finalize;
  object_class->get_property = tenure_initiative_editor_get_property;

  tenure_undo_install_properties (object_class);

  /**
   * TenureInitiativeEditor::changed:
   *
   * Emitted after every edit, undo and redo: reload the initiatives.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tenure_initiative_editor_init (TenureInitiativeEditor *self)
{
}

/**
 * tenure_initiative_editor_new:
 * @db: the workspace, writable, which must outlive the editor
 */
TenureInitiativeEditor *
tenure_initiative_editor_new (TenureDb *db)
{
  TenureInitiativeEditor *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (TENURE_TYPE_INITIATIVE_EDITOR, NULL);
  self->db = db;
  self->history = tenure_undo_new (&edit_funcs, G_OBJECT (self), db, UNDO_LIMIT);
  return self;
}

gboolean
tenure_initiative_editor_can_undo (TenureInitiativeEditor *self)
{
  g_return_val_if_fail (TENURE_IS_INITIATIVE_EDITOR (self), FALSE);

  return tenure_undo_can_undo (self->history);
}

gboolean
tenure_initiative_editor_can_redo (TenureInitiativeEditor *self)
{
  g_return_val_if_fail (TENURE_IS_INITIATIVE_EDITOR (self), FALSE);

  return tenure_undo_can_redo (self->history);
}

/* What undo would undo ("Delete initiative"), or NULL. */
const char *
tenure_initiative_editor_get_undo_label (TenureInitiativeEditor *self)
{
  g_return_val_if_fail (TENURE_IS_INITIATIVE_EDITOR (self), NULL);

  return tenure_undo_get_undo_label (self->history);
}

static gboolean
bind_month (sqlite3_stmt *stmt,
            int           column,
            int           month)
{
  char text[TENURE_MONTH_BUF];

  tenure_month_format (month, text);
  return sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

/* Moves the row @id from @from to @to (either may be NULL: absent) inside the open
 * transaction, after checking the row is still @from. */
static gboolean
apply_change (TenureDb                *db,
              gint64                   id,
              const TenureInitiative  *from,
              const TenureInitiative  *to,
              GError                 **error)
{
  g_autoptr(TenureInitiative) current = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_OK;

  current = find_initiative (db, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!tenure_initiative_equal (current, from))
    {
      g_set_error_literal (error, TENURE_INITIATIVE_ERROR, TENURE_INITIATIVE_ERROR_CONFLICT,
                           _("The initiatives were changed elsewhere: this step can no longer "
                             "be undone"));
      return FALSE;
    }

  if (to == NULL)
    {
      stmt = tenure_db_prepare (db, "DELETE FROM initiative WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      return tenure_db_step_done (db, stmt, error);
    }

  if (to->scenario_id != 0 && !tenure_initiative_validate (db, to, error))
    return FALSE;

  stmt = tenure_db_prepare (db,
                            "INSERT OR REPLACE INTO initiative (id, name, cost_cents, "
                            "start_month, end_month, segment, scenario_id, notes) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_bind_int64 (stmt, 1, id);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, to->name, -1, SQLITE_TRANSIENT);
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 3, to->cost_cents);
  rc = rc != SQLITE_OK ? rc : (bind_month (stmt, 4, to->start_month) ? SQLITE_OK : SQLITE_NOMEM);
  rc = rc != SQLITE_OK ? rc : (bind_month (stmt, 5, to->end_month) ? SQLITE_OK : SQLITE_NOMEM);
  rc = rc != SQLITE_OK ? rc : (to->segment != NULL
                               ? sqlite3_bind_text (stmt, 6, to->segment, -1, SQLITE_TRANSIENT)
                               : sqlite3_bind_null (stmt, 6));
  rc = rc != SQLITE_OK ? rc : (to->scenario_id != 0
                               ? sqlite3_bind_int64 (stmt, 7, to->scenario_id)
                               : sqlite3_bind_null (stmt, 7));
  rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 8, to->notes != NULL ? to->notes : "",
                                                 -1, SQLITE_TRANSIENT);
  if (rc != SQLITE_OK)
    {
      sqlite3_clear_bindings (stmt);
      return tenure_db_set_error (db, rc, error);
    }

  return tenure_db_step_done (db, stmt, error);
}

static gboolean
edit_apply (TenureDb  *db,
            gpointer   data,
            gboolean   forward,
            GError   **error)
{
  InitiativeEdit *edit = data;

  return apply_change (db, edit->id,
                       forward ? edit->before : edit->after,
                       forward ? edit->after : edit->before, error);
}

/* Saves the change of the initiative @id from @before to @after (either may be NULL:
 * absent) in the edit's open transaction, and records it; takes both. */
static gboolean
record_edit (TenureInitiativeEditor  *self,
             const char              *label,
             gint64                   id,
             TenureInitiative        *before,
             TenureInitiative        *after,
             GError                 **error)
{
  InitiativeEdit *edit = g_new0 (InitiativeEdit, 1);

  edit->id = id;
  edit->before = before;
  edit->after = after;

  return tenure_undo_apply_and_push (self->history, label, edit, error);
}

/* A clean copy of @initiative for storing: name trimmed, empty segment as NULL. */
static TenureInitiative *
clean_copy (const TenureInitiative *initiative,
            gint64                  id)
{
  TenureInitiative *copy = tenure_initiative_copy (initiative);

  copy->id = id;
  g_strstrip (copy->name);
  if (copy->segment != NULL && *copy->segment == '\0')
    g_clear_pointer (&copy->segment, g_free);
  if (copy->notes == NULL)
    copy->notes = g_strdup ("");
  return copy;
}

gint64
tenure_initiative_editor_create (TenureInitiativeEditor  *self,
                                 const TenureInitiative  *initiative,
                                 GError                 **error)
{
  gint64 id;

  g_return_val_if_fail (TENURE_IS_INITIATIVE_EDITOR (self), 0);
  g_return_val_if_fail (initiative != NULL, 0);

  if (!tenure_initiative_validate (self->db, initiative, error) ||
      !tenure_undo_begin (self->history, error))
    return 0;

  /* Inside the write transaction: no other connection can take the id before the edit is
   * saved. */
  if (!tenure_db_query_int_checked (self->db, "SELECT coalesce (max (id), 0) + 1 FROM initiative",
                                    &id, error))
    return tenure_undo_abort (self->history);

  return record_edit (self, _("Add initiative"), id, NULL, clean_copy (initiative, id), error)
         ? id : 0;
}

gboolean
tenure_initiative_editor_update (TenureInitiativeEditor  *self,
                                 const TenureInitiative  *initiative,
                                 GError                 **error)
{
  g_autoptr(TenureInitiative) before = NULL;
  g_autoptr(TenureInitiative) after = NULL;

  g_return_val_if_fail (TENURE_IS_INITIATIVE_EDITOR (self), FALSE);
  g_return_val_if_fail (initiative != NULL, FALSE);

  if (!tenure_initiative_validate (self->db, initiative, error) ||
      !tenure_undo_begin (self->history, error))
    return FALSE;

  before = tenure_initiative_load (self->db, initiative->id, error);
  if (before == NULL)
    return tenure_undo_abort (self->history);
  after = clean_copy (initiative, initiative->id);
  if (tenure_initiative_equal (before, after))
    {
      tenure_undo_abort (self->history);
      return TRUE;
    }

  return record_edit (self, _("Edit initiative"), initiative->id, g_steal_pointer (&before),
                      g_steal_pointer (&after), error);
}

gboolean
tenure_initiative_editor_delete (TenureInitiativeEditor  *self,
                                 gint64                   id,
                                 GError                 **error)
{
  TenureInitiative *before;

  g_return_val_if_fail (TENURE_IS_INITIATIVE_EDITOR (self), FALSE);

  if (!tenure_undo_begin (self->history, error))
    return FALSE;

  before = tenure_initiative_load (self->db, id, error);
  if (before == NULL)
    return tenure_undo_abort (self->history);

  return record_edit (self, _("Delete initiative"), id, before, NULL, error);
}

gboolean
tenure_initiative_editor_undo (TenureInitiativeEditor  *self,
                               GError                 **error)
{
  g_return_val_if_fail (TENURE_IS_INITIATIVE_EDITOR (self), FALSE);

  return tenure_undo_undo (self->history, error);
}

gboolean
tenure_initiative_editor_redo (TenureInitiativeEditor  *self,
                               GError                 **error)
{
  g_return_val_if_fail (TENURE_IS_INITIATIVE_EDITOR (self), FALSE);

  return tenure_undo_redo (self->history, error);
}
