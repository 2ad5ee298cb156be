/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scenario designer's model: edits saved at once, each undoable and redoable. */

#define G_LOG_DOMAIN "tenure-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-scenario-private.h"

/* Each operation is recorded as two snapshots of the scenario it touched
 * (tenure-scenario-snapshot.c), taken inside its transaction: undo writes the "before" one
 * back, redo the "after" one. */

/* Undo steps kept; a deleted scenario's step keeps all its enrolments, so the history is
 * bounded. */
#define MAX_HISTORY 200

/* Consecutive edits of the same text field of the same object make one undo step. */
typedef enum
{
  MERGE_NONE,
  MERGE_NAME,
  MERGE_DESCRIPTION,
  MERGE_SEGMENT,
  MERGE_STEP_TITLE,
  MERGE_STEP_BODY,
  MERGE_STEP_DAY,
} MergeField;

typedef struct
{
  char                   *label;
  GArray                 *created_jobs;  /* jobs the operation created */
  TenureScenarioSnapshot *before;
  TenureScenarioSnapshot *after;
  MergeField              merge_field;
  gint64                  merge_object;
  GArray                 *enrolled;      /* TenureEnrolment the operation made */
} Record;

struct _TenureScenarioEditor
{
  GObject    parent_instance;

  TenureDb  *db;
  gint64     job_watermark;  /* the highest job id when the operation began */
  GQueue     undo;      /* Record, newest first */
  GQueue     redo;      /* Record, newest first */
  guint      sealed : 1;
};

G_DEFINE_FINAL_TYPE (TenureScenarioEditor, tenure_scenario_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Records */

static void
record_free (Record *record)
{
  g_free (record->label);
  g_clear_pointer (&record->created_jobs, g_array_unref);
  g_clear_pointer (&record->enrolled, g_array_unref);
  tenure_scenario_snapshot_free (record->before);
  tenure_scenario_snapshot_free (record->after);
  g_free (record);
}

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify) record_free);
}

static void
notify_history (TenureScenarioEditor *self,
                gboolean              could_undo,
                gboolean              could_redo)
{
  if (could_undo != tenure_scenario_editor_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo != tenure_scenario_editor_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

/* Starts an operation on @scenario_id (0 for a new scenario): opens its transaction and
 * takes the "before" snapshot. */
static gboolean
op_begin (TenureScenarioEditor    *self,
          gint64                   scenario_id,
          gint64                   progress,
          TenureScenarioSnapshot **before,
          GError                 **error)
{
  *before = NULL;

  if (!tenure_db_begin (self->db, error))
    return FALSE;

  self->job_watermark = tenure_db_query_int (self->db, "SELECT coalesce(max(id), 0) FROM job",
                                             0);
  if (scenario_id > 0)
    {
      *before = tenure_scenario_snapshot_take (self->db, scenario_id, progress, error);
      if (*before == NULL)
        {
          tenure_db_rollback (self->db);
          return FALSE;
        }
    }

  return TRUE;
}

/* Ends an operation: on success takes the "after" snapshot, commits and records it. */
static gboolean
op_end (TenureScenarioEditor    *self,
        gboolean                 ok,
        gint64                   scenario_id,
        TenureScenarioSnapshot  *before,
        const char              *label,
        MergeField               merge_field,
        gint64                   merge_object,
        GError                 **error)
{
  g_autoptr(TenureScenarioSnapshot) owned_before = before;
  g_autoptr(TenureScenarioSnapshot) after = NULL;
  g_autoptr(GArray) created_jobs = NULL;
  gboolean could_undo = tenure_scenario_editor_can_undo (self);
  gboolean could_redo = tenure_scenario_editor_can_redo (self);
  Record *top;

  if (ok)
    {
      gint64 progress = owned_before != NULL
                        ? tenure_scenario_snapshot_get_progress (owned_before)
                        : TENURE_SCENARIO_PROGRESS_NONE;

      after = tenure_scenario_snapshot_take (self->db, scenario_id, progress, error);
      created_jobs = after != NULL
                     ? tenure_scenario_jobs_created_since (self->db, self->job_watermark, error)
                     : NULL;
      ok = created_jobs != NULL && tenure_db_commit (self->db, error);
    }
  if (!ok)
    {
      tenure_db_rollback (self->db);
      return FALSE;
    }

  if (owned_before == NULL)
    owned_before = tenure_scenario_snapshot_new_absent (scenario_id);

  top = g_queue_peek_head (&self->undo);
  if (merge_field != MERGE_NONE && !self->sealed && self->redo.length == 0 && top != NULL &&
      top->merge_field == merge_field && top->merge_object == merge_object &&
      created_jobs->len == 0)
    {
      tenure_scenario_snapshot_free (top->after);
      top->after = g_steal_pointer (&after);
    }
  else
    {
      Record *record = g_new0 (Record, 1);

      record->label = g_strdup (label);
      record->created_jobs = g_steal_pointer (&created_jobs);
      record->before = g_steal_pointer (&owned_before);
      record->after = g_steal_pointer (&after);
      record->merge_field = merge_field;
      record->merge_object = merge_object;
      g_queue_push_head (&self->undo, record);
      clear_queue (&self->redo);
      while (self->undo.length > MAX_HISTORY)
        record_free (g_queue_pop_tail (&self->undo));
    }
  self->sealed = FALSE;

  notify_history (self, could_undo, could_redo);
  g_signal_emit (self, signals [CHANGED], 0, scenario_id);
  return TRUE;
}

static gint64
step_scenario (TenureScenarioEditor  *self,
               gint64                 step_id,
               GError               **error)
{
  gint64 scenario_id = tenure_scenario_get_step_scenario (self->db, step_id);

  if (scenario_id == 0)
    g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND,
                         _("This step no longer exists: it may have been deleted"));

  return scenario_id;
}

/* GObject */

static void
tenure_scenario_editor_finalize (GObject *object)
{
  TenureScenarioEditor *self = (TenureScenarioEditor *) object;

  clear_queue (&self->undo);
  clear_queue (&self->redo);

  G_OBJECT_CLASS (tenure_scenario_editor_parent_class)->finalize (object);
}

static void
tenure_scenario_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TenureScenarioEditor *self = TENURE_SCENARIO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tenure_scenario_editor_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, tenure_scenario_editor_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_scenario_editor_class_init (TenureScenarioEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenure_scenario_editor_finalize;
  object_class->get_property = tenure_scenario_editor_get_property;

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TenureScenarioEditor::changed:
   * @scenario_id: the scenario that changed (it may no longer exist)
   *
   * Emitted after an operation, an undo or a redo has been saved.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
tenure_scenario_editor_init (TenureScenarioEditor *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/* Public API */

/**
 * tenure_scenario_editor_new:
 * @db: the workspace; it must stay open as long as the editor lives
 */
TenureScenarioEditor *
tenure_scenario_editor_new (TenureDb *db)
{
  TenureScenarioEditor *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (TENURE_TYPE_SCENARIO_EDITOR, NULL);
  self->db = db;
  return self;
}

TenureDb *
tenure_scenario_editor_get_db (TenureScenarioEditor *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), NULL);

  return self->db;
}

gboolean
tenure_scenario_editor_can_undo (TenureScenarioEditor *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return self->undo.length > 0;
}

gboolean
tenure_scenario_editor_can_redo (TenureScenarioEditor *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return self->redo.length > 0;
}

/* What undo would undo, translated ("Rename scenario"), or NULL. */
const char *
tenure_scenario_editor_get_undo_label (TenureScenarioEditor *self)
{
  Record *record;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), NULL);

  record = g_queue_peek_head (&self->undo);
  return record != NULL ? record->label : NULL;
}

const char *
tenure_scenario_editor_get_redo_label (TenureScenarioEditor *self)
{
  Record *record;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), NULL);

  record = g_queue_peek_head (&self->redo);
  return record != NULL ? record->label : NULL;
}

/* Takes back (undo) or makes again (redo) the enrolments an operation made. */
static gboolean
replay_enrolments (TenureDb      *db,
                   const Record  *record,
                   gboolean       use_before,
                   GError       **error)
{
  gint64 scenario_id = tenure_scenario_snapshot_get_scenario_id (record->after);

  if (record->enrolled == NULL)
    return TRUE;
  if (use_before)
    return tenure_scenario_remove_enrolments (db, scenario_id, record->enrolled, error);

  return tenure_scenario_add_enrolments (db, scenario_id, record->enrolled, error);
}

/* Moves the newest record of @from to @to after writing its @use_before snapshot back. */
static gboolean
replay (TenureScenarioEditor  *self,
        GQueue                *from,
        GQueue                *to,
        gboolean               use_before,
        GError               **error)
{
  gboolean could_undo = tenure_scenario_editor_can_undo (self);
  gboolean could_redo = tenure_scenario_editor_can_redo (self);
  Record *record = g_queue_peek_head (from);
  TenureScenarioSnapshot *snapshot;

  if (record == NULL)
    {
      g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOTHING_TO_UNDO,
                           use_before ? _("There is nothing to undo")
                                      : _("There is nothing to redo"));
      return FALSE;
    }

  snapshot = use_before ? record->before : record->after;
  if (!tenure_db_begin (self->db, error))
    return FALSE;
  if (!(use_before || tenure_scenario_jobs_insert (self->db, record->created_jobs, error)) ||
      !tenure_scenario_snapshot_restore (self->db, snapshot, error) ||
      !replay_enrolments (self->db, record, use_before, error) ||
      !(!use_before || tenure_scenario_jobs_delete (self->db, record->created_jobs, error)) ||
      !tenure_db_commit (self->db, error))
    {
      tenure_db_rollback (self->db);
      return FALSE;
    }

  g_queue_push_head (to, g_queue_pop_head (from));
  self->sealed = TRUE;

  notify_history (self, could_undo, could_redo);
  g_signal_emit (self, signals [CHANGED], 0, tenure_scenario_snapshot_get_scenario_id (snapshot));
  return TRUE;
}

gboolean
tenure_scenario_editor_undo (TenureScenarioEditor  *self,
                             GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return replay (self, &self->undo, &self->redo, TRUE, error);
}

gboolean
tenure_scenario_editor_redo (TenureScenarioEditor  *self,
                             GError               **error)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  return replay (self, &self->redo, &self->undo, FALSE, error);
}

/* Forgets the history, for example when another workspace is opened. */
void
tenure_scenario_editor_clear_history (TenureScenarioEditor *self)
{
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (TENURE_IS_SCENARIO_EDITOR (self));

  could_undo = tenure_scenario_editor_can_undo (self);
  could_redo = tenure_scenario_editor_can_redo (self);
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  notify_history (self, could_undo, could_redo);
}

/**
 * tenure_scenario_editor_seal:
 *
 * Ends the current run of typing: consecutive changes of the same text field (a name, a
 * title, a body…) are one undo step until this is called, typically when the entry
 * loses the focus.
 */
void
tenure_scenario_editor_seal (TenureScenarioEditor *self)
{
  g_return_if_fail (TENURE_IS_SCENARIO_EDITOR (self));

  self->sealed = TRUE;
}

gint64
tenure_scenario_editor_create (TenureScenarioEditor  *self,
                               const char            *name,
                               GError               **error)
{
  TenureScenarioSnapshot *before;
  gint64 id;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), 0);

  if (!op_begin (self, 0, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return 0;
  id = tenure_scenario_create (self->db, name, error);

  return op_end (self, id != 0, id, before, _("Create scenario"), MERGE_NONE, 0, error) ? id : 0;
}

gint64
tenure_scenario_editor_create_from_template (TenureScenarioEditor  *self,
                                             const char            *template_id,
                                             GError               **error)
{
  TenureScenarioSnapshot *before;
  gint64 id;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), 0);

  if (!op_begin (self, 0, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return 0;
  id = tenure_scenario_create_from_template (self->db, template_id, error);

  return op_end (self, id != 0, id, before, _("Create scenario from template"), MERGE_NONE, 0,
                 error) ? id : 0;
}

gint64
tenure_scenario_editor_duplicate (TenureScenarioEditor  *self,
                                  gint64                 scenario_id,
                                  GError               **error)
{
  TenureScenarioSnapshot *before;
  gint64 id;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), 0);

  if (!op_begin (self, 0, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return 0;
  id = tenure_scenario_duplicate (self->db, scenario_id, error);

  return op_end (self, id != 0, id, before, _("Duplicate scenario"), MERGE_NONE, 0, error)
         ? id : 0;
}

gboolean
tenure_scenario_editor_delete (TenureScenarioEditor  *self,
                               gint64                 scenario_id,
                               GError               **error)
{
  TenureScenarioSnapshot *before;
  gboolean ok;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_ALL, &before, error))
    return FALSE;
  ok = tenure_scenario_delete (self->db, scenario_id, error);

  return op_end (self, ok, scenario_id, before, _("Delete scenario"), MERGE_NONE, 0, error);
}

gboolean
tenure_scenario_editor_rename (TenureScenarioEditor  *self,
                               gint64                 scenario_id,
                               const char            *name,
                               GError               **error)
{
  TenureScenarioSnapshot *before;
  gboolean ok;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  ok = tenure_scenario_rename (self->db, scenario_id, name, error);

  return op_end (self, ok, scenario_id, before, _("Rename scenario"), MERGE_NAME, scenario_id,
                 error);
}

gboolean
tenure_scenario_editor_set_description (TenureScenarioEditor  *self,
                                        gint64                 scenario_id,
                                        const char            *description,
                                        GError               **error)
{
  TenureScenarioSnapshot *before;
  gboolean ok;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  ok = tenure_scenario_set_description (self->db, scenario_id, description, error);

  return op_end (self, ok, scenario_id, before, _("Change description"), MERGE_DESCRIPTION,
                 scenario_id, error);
}

gboolean
tenure_scenario_editor_set_job (TenureScenarioEditor  *self,
                                gint64                 scenario_id,
                                gint64                 job_id,
                                GError               **error)
{
  TenureScenarioSnapshot *before;
  gboolean ok;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  ok = tenure_scenario_set_job (self->db, scenario_id, job_id, error);

  return op_end (self, ok, scenario_id, before, _("Change job"), MERGE_NONE, 0, error);
}

gboolean
tenure_scenario_editor_set_active (TenureScenarioEditor  *self,
                                   gint64                 scenario_id,
                                   gboolean               active,
                                   GError               **error)
{
  TenureScenarioSnapshot *before;
  gboolean ok;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  ok = tenure_scenario_set_active (self->db, scenario_id, active, error);

  return op_end (self, ok, scenario_id, before,
                 active ? _("Activate scenario") : _("Deactivate scenario"), MERGE_NONE, 0,
                 error);
}

gboolean
tenure_scenario_editor_set_auto_enrol_segment (TenureScenarioEditor  *self,
                                               gint64                 scenario_id,
                                               const char            *segment,
                                               GError               **error)
{
  TenureScenarioSnapshot *before;
  gboolean ok;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  ok = tenure_scenario_set_auto_enrol_segment (self->db, scenario_id, segment, error);

  return op_end (self, ok, scenario_id, before, _("Change automatic enrolment"), MERGE_SEGMENT,
                 scenario_id, error);
}

gint64
tenure_scenario_editor_add_step (TenureScenarioEditor  *self,
                                 gint64                 scenario_id,
                                 int                    position,
                                 TenureStepKind         kind,
                                 const char            *title,
                                 GError               **error)
{
  TenureScenarioSnapshot *before;
  gint64 id;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), 0);

  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return 0;
  id = tenure_scenario_add_step (self->db, scenario_id, position, kind, title, error);

  return op_end (self, id != 0, scenario_id, before, _("Add step"), MERGE_NONE, 0, error)
         ? id : 0;
}

/* The step operations share their shape: find the scenario, snapshot, change, record. */
typedef gboolean (*StepFunc) (TenureDb *db, gint64 step_id, gconstpointer value, GError **error);

static gboolean
step_operation (TenureScenarioEditor  *self,
                gint64                 step_id,
                gboolean               keep_progress,
                StepFunc               func,
                gconstpointer          value,
                const char            *label,
                MergeField             merge_field,
                GError               **error)
{
  TenureScenarioSnapshot *before;
  gint64 scenario_id;
  gboolean ok;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  scenario_id = step_scenario (self, step_id, error);
  if (scenario_id == 0)
    return FALSE;
  if (!op_begin (self, scenario_id, keep_progress ? step_id : TENURE_SCENARIO_PROGRESS_NONE,
                 &before, error))
    return FALSE;
  ok = func (self->db, step_id, value, error);

  return op_end (self, ok, scenario_id, before, label, merge_field, step_id, error);
}

static gboolean
delete_step_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_scenario_delete_step (db, step_id, error);
}

static gboolean
move_step_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_scenario_move_step (db, step_id, *(const int *) value, error);
}

static gboolean
kind_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_kind (db, step_id, *(const TenureStepKind *) value, error);
}

static gboolean
title_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_title (db, step_id, value, error);
}

static gboolean
body_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_body (db, step_id, value, error);
}

static gboolean
day_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_day_offset (db, step_id, *(const int *) value, error);
}

static gboolean
required_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_step_set_required (db, step_id, *(const gboolean *) value, error);
}

typedef struct
{
  const char *event_kind;
  gint64      job_id;
} DoneWhen;

static gboolean
done_when_func (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  const DoneWhen *rule = value;

  return tenure_step_set_done_when (db, step_id, rule->event_kind, rule->job_id, error);
}

gboolean
tenure_scenario_editor_delete_step (TenureScenarioEditor  *self,
                                    gint64                 step_id,
                                    GError               **error)
{
  return step_operation (self, step_id, TRUE, delete_step_func, NULL, _("Delete step"),
                         MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_move_step (TenureScenarioEditor  *self,
                                  gint64                 step_id,
                                  int                    position,
                                  GError               **error)
{
  return step_operation (self, step_id, FALSE, move_step_func, &position, _("Move step"),
                         MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_set_step_kind (TenureScenarioEditor  *self,
                                      gint64                 step_id,
                                      TenureStepKind         kind,
                                      GError               **error)
{
  return step_operation (self, step_id, FALSE, kind_func, &kind, _("Change step kind"),
                         MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_set_step_title (TenureScenarioEditor  *self,
                                       gint64                 step_id,
                                       const char            *title,
                                       GError               **error)
{
  return step_operation (self, step_id, FALSE, title_func, title, _("Change step title"),
                         MERGE_STEP_TITLE, error);
}

gboolean
tenure_scenario_editor_set_step_body (TenureScenarioEditor  *self,
                                      gint64                 step_id,
                                      const char            *body,
                                      GError               **error)
{
  return step_operation (self, step_id, FALSE, body_func, body, _("Change step text"),
                         MERGE_STEP_BODY, error);
}

gboolean
tenure_scenario_editor_set_step_day_offset (TenureScenarioEditor  *self,
                                            gint64                 step_id,
                                            int                    day_offset,
                                            GError               **error)
{
  return step_operation (self, step_id, FALSE, day_func, &day_offset, _("Change step day"),
                         MERGE_STEP_DAY, error);
}

gboolean
tenure_scenario_editor_set_step_required (TenureScenarioEditor  *self,
                                          gint64                 step_id,
                                          gboolean               required,
                                          GError               **error)
{
  return step_operation (self, step_id, FALSE, required_func, &required,
                         required ? _("Make step required") : _("Make step optional"),
                         MERGE_NONE, error);
}

gboolean
tenure_scenario_editor_set_step_done_when (TenureScenarioEditor  *self,
                                           gint64                 step_id,
                                           const char            *event_kind,
                                           gint64                 job_id,
                                           GError               **error)
{
  DoneWhen rule = { event_kind, job_id };

  return step_operation (self, step_id, FALSE, done_when_func, &rule,
                         _("Change “done when”"), MERGE_NONE, error);
}

/* Records the enrolments the operation just recorded made, for its undo and redo. */
static void
keep_enrolments (TenureScenarioEditor *self,
                 GArray               *enrolled)
{
  Record *record = g_queue_peek_head (&self->undo);

  g_return_if_fail (record != NULL && record->enrolled == NULL);

  record->enrolled = g_array_ref (enrolled);
}

/**
 * tenure_scenario_editor_set_auto_enrolment:
 * @segment: (nullable): the segment whose new signups are enrolled, NULL for by hand
 * @since: the first signup day enrolled now (days since 1970-01-01)
 * @n_enrolled: (out) (optional): how many accounts were enrolled
 *
 * Sets the scenario's automatic enrolment and applies it at once
 * (tenure_scenario_enrol_segment()): one undo step that also takes the enrolments back.
 * Long on a large workspace: it may run in a worker thread as long as nothing else uses
 * the editor meanwhile; its signals are then emitted in that thread.
 */
gboolean
tenure_scenario_editor_set_auto_enrolment (TenureScenarioEditor  *self,
                                           gint64                 scenario_id,
                                           const char            *segment,
                                           gint32                 since,
                                           guint                 *n_enrolled,
                                           GError               **error)
{
  g_autoptr(GArray) enrolled = NULL;
  TenureScenarioSnapshot *before;
  gboolean ok;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (n_enrolled != NULL)
    *n_enrolled = 0;
  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  ok = tenure_scenario_set_auto_enrol_segment (self->db, scenario_id, segment, error);
  if (ok && segment != NULL)
    ok = (enrolled = tenure_scenario_enrol_segment (self->db, scenario_id, since, error)) != NULL;

  if (!op_end (self, ok, scenario_id, before,
               segment != NULL ? _("Enrol automatically") : _("Enrol by hand"),
               MERGE_NONE, 0, error))
    return FALSE;

  if (enrolled != NULL)
    {
      keep_enrolments (self, enrolled);
      if (n_enrolled != NULL)
        *n_enrolled = enrolled->len;
    }
  return TRUE;
}

/**
 * tenure_scenario_editor_enrol_accounts:
 * @account_ids: (array length=n_account_ids): the accounts
 * @today: the start of an account without a signup day
 * @n_enrolled: (out) (optional): how many were enrolled (not those enrolled already)
 *
 * Enrols accounts by hand (tenure_scenario_enrol_accounts()), as one undo step. Like
 * tenure_scenario_editor_set_auto_enrolment(), it may run in a worker thread.
 */
gboolean
tenure_scenario_editor_enrol_accounts (TenureScenarioEditor  *self,
                                       gint64                 scenario_id,
                                       const gint64          *account_ids,
                                       guint                  n_account_ids,
                                       gint32                 today,
                                       guint                 *n_enrolled,
                                       GError               **error)
{
  g_autoptr(GArray) enrolled = NULL;
  TenureScenarioSnapshot *before;

  g_return_val_if_fail (TENURE_IS_SCENARIO_EDITOR (self), FALSE);

  if (n_enrolled != NULL)
    *n_enrolled = 0;
  if (!op_begin (self, scenario_id, TENURE_SCENARIO_PROGRESS_NONE, &before, error))
    return FALSE;
  enrolled = tenure_scenario_enrol_accounts (self->db, scenario_id, account_ids, n_account_ids,
                                             today, error);
  if (!op_end (self, enrolled != NULL, scenario_id, before, _("Enrol accounts"), MERGE_NONE, 0,
               error))
    return FALSE;

  keep_enrolments (self, enrolled);
  if (n_enrolled != NULL)
    *n_enrolled = enrolled->len;
  return TRUE;
}
