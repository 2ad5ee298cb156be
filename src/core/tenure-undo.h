/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The undo history the editors share: labelled steps, each saved in one write transaction. */
#pragma once

#include <glib-object.h>

#include "tenure-db.h"

G_BEGIN_DECLS

typedef struct _TenureUndo TenureUndo;

/* What one editor's steps are, and how the editor hears of them. */
typedef struct
{
  /* Writes @step again (@forward, redo) or takes it back (undo), in the open transaction. */
  gboolean (*apply)        (TenureDb  *db,
                            gpointer   step,
                            gboolean   forward,
                            GError   **error);
  GDestroyNotify free;
  /* Optional: folds @step into @newest, the last step saved, and returns TRUE when the two
   * make one undo step (@step is then freed). Asked only while the history is not sealed
   * and there is nothing to redo. */
  gboolean (*merge)        (gpointer   newest,
                            gpointer   step);
  /* Optional: after a step was saved, undone or redone. */
  void     (*changed)      (GObject   *owner,
                            gpointer   step);
  /* The errors of the editor: "There is nothing to undo", and the code of an apply error
   * that means the workspace no longer matches the history (-1: none), which forgets it. */
  GQuark   (*error_quark)  (void);
  int        nothing_code;
  int        conflict_code;
} TenureUndoFuncs;

/* The properties every editor has, with these ids (its own come after). */
enum
{
  TENURE_UNDO_PROP_CAN_UNDO = 1,
  TENURE_UNDO_PROP_CAN_REDO,
  TENURE_UNDO_N_PROPS
};

TenureUndo *tenure_undo_new             (const TenureUndoFuncs  *funcs,
                                         GObject                *owner,
                                         TenureDb               *db,
                                         guint                   limit);
void        tenure_undo_free            (TenureUndo             *undo);

TenureDb   *tenure_undo_get_db          (TenureUndo             *undo);
gboolean    tenure_undo_can_undo        (TenureUndo             *undo);
gboolean    tenure_undo_can_redo        (TenureUndo             *undo);
const char *tenure_undo_get_undo_label  (TenureUndo             *undo);
const char *tenure_undo_get_redo_label  (TenureUndo             *undo);

/* An edit: begin, read and change the workspace, then push the step (or abort). */
gboolean    tenure_undo_begin           (TenureUndo             *undo,
                                         GError                **error);
gboolean    tenure_undo_abort           (TenureUndo             *undo);
gboolean    tenure_undo_push            (TenureUndo             *undo,
                                         const char             *label,
                                         gpointer                step,
                                         GError                **error);
gboolean    tenure_undo_apply_and_push  (TenureUndo             *undo,
                                         const char             *label,
                                         gpointer                step,
                                         GError                **error);

gboolean    tenure_undo_undo            (TenureUndo             *undo,
                                         GError                **error);
gboolean    tenure_undo_redo            (TenureUndo             *undo,
                                         GError                **error);
void        tenure_undo_clear           (TenureUndo             *undo);
void        tenure_undo_seal            (TenureUndo             *undo);

void        tenure_undo_install_properties (GObjectClass       *object_class);
void        tenure_undo_get_property    (TenureUndo             *undo,
                                         guint                   prop_id,
                                         GValue                 *value,
                                         GParamSpec             *pspec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureUndo, tenure_undo_free)

G_END_DECLS
