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
  GArray               *option_rows;   /* OptionRow of the selected question */
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
void                  _editor_view_class_actions_init  (TenureQuestionEditorViewClass *klass);

G_END_DECLS
