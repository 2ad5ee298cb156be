/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Initiatives page's parts, shared with its tests. */
#pragma once

#include <adwaita.h>

#include "tenure-initiative.h"
#include "tenure-initiatives-page.h"

G_BEGIN_DECLS

struct _TenureInitiativesPage
{
  TenurePage              parent_instance;

  GtkBox                 *cards_box;
  GtkButton              *cancel_button;
  AdwActionRow           *cost_row;
  GtkSpinButton          *cost_spin;
  AdwStatusPage          *empty_page;
  AdwStatusPage          *error_page;
  AdwComboRow            *first_row;
  GtkLabel               *form_error;
  AdwPreferencesGroup    *form_group;
  GtkLabel               *formula_label;
  AdwComboRow            *last_row;
  AdwEntryRow            *name_row;
  GtkButton              *new_button;
  AdwEntryRow            *notes_row;
  GtkButton              *save_button;
  GtkStack               *stack;
  GtkLabel               *summary_label;
  AdwComboRow            *target_row;
  AdwToastOverlay        *toast_overlay;

  /* The writable connection of the editor, opened by the first load of a workspace. */
  TenureWorkspace        *edit_workspace;
  TenureDb               *edit_db;
  TenureInitiativeEditor *editor;

  GPtrArray              *initiatives;    /* TenureInitiativeRoi of the last load */
  char                   *currency;
  /* The form's choices: months (TENURE_MONTH () values) and targets. */
  GArray                 *months;
  GPtrArray              *target_segments; /* char *, NULL for a scenario */
  GArray                 *target_scenarios; /* gint64, 0 for a segment */
  gint64                  editing_id;     /* 0: the form creates */
  gboolean                filling;        /* the form is being filled: no saving */
};

/* The card of each initiative holds these, for the tests. */
#define TENURE_INITIATIVE_CARD_GAIN "initiative-gain"
#define TENURE_INITIATIVE_CARD_ROI  "initiative-roi"

/* tenure-initiatives-page-actions.c */
void _tenure_initiatives_page_close_form         (TenureInitiativesPage *self);
void _tenure_initiatives_page_refresh_form       (TenureInitiativesPage *self);
void _tenure_initiatives_page_update_sensitivity (TenureInitiativesPage *self);
void _tenure_initiatives_page_connect_form       (TenureInitiativesPage *self);
void _tenure_initiatives_page_class_add_actions  (GtkWidgetClass        *widget_class);

G_END_DECLS
