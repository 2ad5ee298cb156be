/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The undo history the editors share: labelled steps, each saved in one write transaction. */

#define G_LOG_DOMAIN "tenure-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-undo.h"

typedef struct
{
  char     *label;
  gpointer  step;
} Entry;

struct _TenureUndo
{
  const TenureUndoFuncs *funcs;
  GObject               *owner;     /* not owned: the owner owns the history */
  TenureDb              *db;
  guint                  limit;
  GQueue                 undo;      /* Entry, newest first */
  GQueue                 redo;      /* Entry, newest first */
  GParamSpec            *can_undo_pspec;
  GParamSpec            *can_redo_pspec;
  guint                  sealed : 1;
};

static void
entry_free (Entry      *entry,
            TenureUndo *undo)
{
  g_free (entry->label);
  undo->funcs->free (entry->step);
  g_free (entry);
}

static void
clear_queue (TenureUndo *undo,
             GQueue     *queue)
{
  Entry *entry;

  while ((entry = g_queue_pop_head (queue)) != NULL)
    entry_free (entry, undo);
}

static void
notify_history (TenureUndo *undo,
                gboolean    could_undo,
                gboolean    could_redo)
{
  if (undo->owner == NULL)
    return;
  if (could_undo != tenure_undo_can_undo (undo) && undo->can_undo_pspec != NULL)
    g_object_notify_by_pspec (undo->owner, undo->can_undo_pspec);
  if (could_redo != tenure_undo_can_redo (undo) && undo->can_redo_pspec != NULL)
    g_object_notify_by_pspec (undo->owner, undo->can_redo_pspec);
}

static void
emit_changed (TenureUndo *undo,
              gpointer    step)
{
  if (undo->funcs->changed != NULL)
    undo->funcs->changed (undo->owner, step);
}

/**
 * tenure_undo_new:
 * @funcs: (not nullable): how to apply and free the steps; must outlive the history
 * @owner: (nullable): the editor, notified of "can-undo" and "can-redo" when it has them
 * @db: the workspace, which must outlive the history
 * @limit: how many steps to keep; older ones are forgotten
 */
TenureUndo *
tenure_undo_new (const TenureUndoFuncs *funcs,
                 GObject               *owner,
                 TenureDb              *db,
                 guint                  limit)
{
  TenureUndo *undo;

  g_return_val_if_fail (funcs != NULL && funcs->apply != NULL && funcs->free != NULL, NULL);
  g_return_val_if_fail (funcs->error_quark != NULL, NULL);
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  undo = g_new0 (TenureUndo, 1);
  undo->funcs = funcs;
  undo->owner = owner;
  undo->db = db;
  undo->limit = limit;
  g_queue_init (&undo->undo);
  g_queue_init (&undo->redo);
  if (owner != NULL)
    {
      undo->can_undo_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (owner), "can-undo");
      undo->can_redo_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (owner), "can-redo");
    }

  return undo;
}

void
tenure_undo_free (TenureUndo *undo)
{
  if (undo == NULL)
    return;

  clear_queue (undo, &undo->undo);
  clear_queue (undo, &undo->redo);
  g_free (undo);
}

TenureDb *
tenure_undo_get_db (TenureUndo *undo)
{
  return undo->db;
}

gboolean
tenure_undo_can_undo (TenureUndo *undo)
{
  return undo->undo.length > 0;
}

gboolean
tenure_undo_can_redo (TenureUndo *undo)
{
  return undo->redo.length > 0;
}

/* What undo would undo, as the editor labelled it ("Rename scenario"), or NULL. */
const char *
tenure_undo_get_undo_label (TenureUndo *undo)
{
  Entry *entry = g_queue_peek_head (&undo->undo);

  return entry != NULL ? entry->label : NULL;
}

const char *
tenure_undo_get_redo_label (TenureUndo *undo)
{
  Entry *entry = g_queue_peek_head (&undo->redo);

  return entry != NULL ? entry->label : NULL;
}

/* Opens the edit's write transaction (BEGIN IMMEDIATE): what the edit reads stays true
 * until it is saved. */
gboolean
tenure_undo_begin (TenureUndo  *undo,
                   GError     **error)
{
  return tenure_db_begin (undo->db, error);
}

/* Rolls the edit back; returns FALSE, for `return tenure_undo_abort (undo);`. */
gboolean
tenure_undo_abort (TenureUndo *undo)
{
  tenure_db_rollback (undo->db);
  return FALSE;
}

/**
 * tenure_undo_push:
 * @label: what undo will say it undoes
 * @step: (transfer full): the change, already written in the open transaction
 *
 * Commits the edit and records @step: it becomes the next undo step (or merges with the
 * last one) and the redo steps are forgotten. On failure the transaction is rolled back
 * (tenure_db_commit() does) and @step freed.
 */
gboolean
tenure_undo_push (TenureUndo  *undo,
                  const char  *label,
                  gpointer     step,
                  GError     **error)
{
  gboolean could_undo = tenure_undo_can_undo (undo);
  gboolean could_redo = tenure_undo_can_redo (undo);
  Entry *newest = g_queue_peek_head (&undo->undo);

  if (!tenure_db_commit (undo->db, error))
    {
      undo->funcs->free (step);
      return FALSE;
    }

  if (undo->funcs->merge != NULL && !undo->sealed && undo->redo.length == 0 &&
      newest != NULL && undo->funcs->merge (newest->step, step))
    {
      undo->funcs->free (step);
      step = newest->step;
    }
  else
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->label = g_strdup (label);
      entry->step = step;
      g_queue_push_head (&undo->undo, entry);
      clear_queue (undo, &undo->redo);
      while (undo->undo.length > undo->limit)
        entry_free (g_queue_pop_tail (&undo->undo), undo);
    }
  undo->sealed = FALSE;

  notify_history (undo, could_undo, could_redo);
  emit_changed (undo, step);
  return TRUE;
}

/* Writes @step forward in the open transaction, then as tenure_undo_push(). */
gboolean
tenure_undo_apply_and_push (TenureUndo  *undo,
                            const char  *label,
                            gpointer     step,
                            GError     **error)
{
  if (!undo->funcs->apply (undo->db, step, TRUE, error))
    {
      tenure_db_rollback (undo->db);
      undo->funcs->free (step);
      return FALSE;
    }

  return tenure_undo_push (undo, label, step, error);
}

/* Moves the newest step of one stack to the other after writing it, in its own transaction. */
static gboolean
replay (TenureUndo  *undo,
        gboolean     forward,
        GError     **error)
{
  GQueue *from = forward ? &undo->redo : &undo->undo;
  GQueue *to = forward ? &undo->undo : &undo->redo;
  gboolean could_undo = tenure_undo_can_undo (undo);
  gboolean could_redo = tenure_undo_can_redo (undo);
  g_autoptr(GError) local_error = NULL;
  Entry *entry = g_queue_peek_head (from);

  if (entry == NULL)
    {
      g_set_error_literal (error, undo->funcs->error_quark (), undo->funcs->nothing_code,
                           forward ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }

  if (!tenure_db_begin (undo->db, error))
    return FALSE;
  if (!undo->funcs->apply (undo->db, entry->step, forward, &local_error) ||
      !tenure_db_commit (undo->db, &local_error))
    {
      tenure_db_rollback (undo->db);
      /* The history no longer matches the workspace: keeping it would undo the wrong rows. */
      if (undo->funcs->conflict_code >= 0 &&
          g_error_matches (local_error, undo->funcs->error_quark (), undo->funcs->conflict_code))
        tenure_undo_clear (undo);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_queue_push_head (to, g_queue_pop_head (from));
  undo->sealed = TRUE;

  notify_history (undo, could_undo, could_redo);
  emit_changed (undo, entry->step);
  return TRUE;
}

gboolean
tenure_undo_undo (TenureUndo  *undo,
                  GError     **error)
{
  return replay (undo, FALSE, error);
}

gboolean
tenure_undo_redo (TenureUndo  *undo,
                  GError     **error)
{
  return replay (undo, TRUE, error);
}

/* Forgets every step, for example when another workspace is opened. */
void
tenure_undo_clear (TenureUndo *undo)
{
  gboolean could_undo = tenure_undo_can_undo (undo);
  gboolean could_redo = tenure_undo_can_redo (undo);

  clear_queue (undo, &undo->undo);
  clear_queue (undo, &undo->redo);
  notify_history (undo, could_undo, could_redo);
}

/* Ends a run of steps that merge: the next step is a step of its own. Undo and redo seal
 * too. */
void
tenure_undo_seal (TenureUndo *undo)
{
  undo->sealed = TRUE;
}

/* Installs "can-undo" and "can-redo" as TENURE_UNDO_PROP_CAN_UNDO and _CAN_REDO. */
void
tenure_undo_install_properties (GObjectClass *object_class)
{
  g_object_class_install_property (object_class, TENURE_UNDO_PROP_CAN_UNDO,
                                   g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                         G_PARAM_READABLE |
                                                         G_PARAM_EXPLICIT_NOTIFY |
                                                         G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, TENURE_UNDO_PROP_CAN_REDO,
                                   g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                         G_PARAM_READABLE |
                                                         G_PARAM_EXPLICIT_NOTIFY |
                                                         G_PARAM_STATIC_STRINGS));
}

/* The get_property of an editor whose only properties are those of
 * tenure_undo_install_properties(). */
void
tenure_undo_get_property (TenureUndo *undo,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case TENURE_UNDO_PROP_CAN_UNDO:
      g_value_set_boolean (value, tenure_undo_can_undo (undo));
      break;

    case TENURE_UNDO_PROP_CAN_REDO:
      g_value_set_boolean (value, tenure_undo_can_redo (undo));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (undo->owner, prop_id, pspec);
    }
}
