/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Questions view's insides, shared by its files (the widgets, and the edit actions). */
#pragma once

#include "tenure-question-editor-view.h"
#include "tenure-signup-preview.h"

G_BEGIN_DECLS

typedef struct
{
  gint64         id;
  AdwEntryRow   *row;
  GtkSpinButton *spin;
} OptionRow;

struct _TenureQuestionEditorView
{
  AdwBin                parent_instance;

  AdwComboRow          *kind_row;
  AdwLeaflet           *leaflet;
  GtkSwitch            *active_switch;
  GtkLabel             *error_label;
  GtkWidget            *error_box;
  TenureSignupPreview  *inline_preview;
  GtkWidget            *options_group;
  GtkListBox           *options_list;
  GtkWidget            *question_group;
  GtkListBox           *question_list;
  GtkWidget            *read_only_label;
  TenureSignupPreview  *side_preview;
  GtkStack             *stack;
  AdwEntryRow          *text_row;

  TenureQuestionEditor *editor;
  gulong                changed_handler;
  GPtrArray            *questions;     /* TenureQuestion */
  GArray               *option_rows;   /* OptionRow of the selected question's first answers */
  guint                 options_shown; /* how many answers may have rows */
  guint                 options_total; /* how many answers the question has */
  gint64                options_question;
  GtkWidget            *more_row;      /* "Show More", when answers have no row */
  GtkFileChooserNative *chooser;
  gint64                selected_id;
  gboolean              read_only;
  guint                 updating;
};

const TenureQuestion *_editor_view_find_question       (TenureQuestionEditorView      *self,
                                                        gint64                         question_id);
int                   _editor_view_find_question_index (TenureQuestionEditorView      *self,
                                                        gint64                         question_id);
gboolean              _editor_view_check_edit          (TenureQuestionEditorView      *self,
                                                        gboolean                       ok,
                                                        const GError                  *error);
gboolean              _editor_view_has_focus_within    (GtkWidget                     *widget);
void                  _editor_view_move_question       (TenureQuestionEditorView      *self,
                                                        gint64                         question_id,
                                                        int                            position);
void                  _editor_view_update_options      (TenureQuestionEditorView      *self);
void                  _editor_view_class_actions_init  (TenureQuestionEditorViewClass *klass);

/* A question's answers get rows this many at a time ("Show More"): one row is a dozen
 * widgets, and building 10,000 of them froze the window for seconds. */
#define OPTION_ROWS_STEP 50

G_END_DECLS
