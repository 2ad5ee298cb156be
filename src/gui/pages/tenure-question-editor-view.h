/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Questions view of the Qualification page: the question editor and the signup preview. */
#pragma once

#include <adwaita.h>

#include "tenure-qualify.h"

G_BEGIN_DECLS

#define TENURE_TYPE_QUESTION_EDITOR_VIEW (tenure_question_editor_view_get_type ())

G_DECLARE_FINAL_TYPE (TenureQuestionEditorView, tenure_question_editor_view, TENURE,
                      QUESTION_EDITOR_VIEW, AdwBin)

TenureQuestionEditor *tenure_question_editor_view_get_editor    (TenureQuestionEditorView *self);
void                  tenure_question_editor_view_set_editor    (TenureQuestionEditorView *self,
                                                                 TenureQuestionEditor     *editor,
                                                                 GPtrArray                *questions);
void                  tenure_question_editor_view_refresh       (TenureQuestionEditorView *self);
GPtrArray            *tenure_question_editor_view_get_questions (TenureQuestionEditorView *self);
gint64                tenure_question_editor_view_get_selected  (TenureQuestionEditorView *self);
void                  tenure_question_editor_view_select        (TenureQuestionEditorView *self,
                                                                 gint64                    id);
GtkSpinButton        *tenure_question_editor_view_get_points_button
                                                               (TenureQuestionEditorView *self,
                                                                gint64                    option_id);
GtkWidget            *tenure_question_editor_view_get_preview   (TenureQuestionEditorView *self);
const char           *tenure_question_editor_view_get_error     (TenureQuestionEditorView *self);

G_END_DECLS
