/* atlas-chip-box.c: entity chips laid out like words in a paragraph, folded to a few lines
 *
 * GtkFlowBox aligns its children in columns, so one long name pushes every
 * chip onto a line of its own; GTK 4.8 has no wrap box. This one places each
 * chip at its natural width and starts a new line when the next does not
 * fit. With a maximum of lines, an article's forty chips do not push its
 * text below the fold: what does not fit is folded away behind a last
 * button, "Show All 45", which unfolds them all ("Show Fewer" folds them
 * again). (The article list draws its chips: see atlas-chip-line.c.)
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-chip-box.h"

#define SPACING 4

struct _AtlasChipBox
{
  GtkWidget  parent_instance;

  GtkWidget *more;       /* the last child: folds and unfolds */
  guint      max_lines;  /* 0: no limit */
  gboolean   unfolded;
  guint      n_chips;
};

G_DEFINE_FINAL_TYPE (AtlasChipBox, atlas_chip_box, GTK_TYPE_WIDGET)

typedef void (*PlaceFunc) (GtkWidget *child,
                           int        x,
                           int        y,
                           int        width,
                           int        height,
                           gpointer   user_data);

static void
measure_child (GtkWidget *child,
               int        width,
               int       *child_width,
               int       *child_height)
{
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, child_width, NULL, NULL);
  *child_width = MIN (*child_width, width);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, *child_width, NULL, child_height, NULL, NULL);
}

/* How many lines the chips take in `width`, all of them shown. */
static guint
count_lines (AtlasChipBox *self,
             int           width)
{
  guint lines = 0;
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != self->more;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      measure_child (child, width, &child_width, &child_height);
      if (lines == 0 || (x > 0 && x + child_width > width))
        {
          lines++;
          x = 0;
        }
      x += child_width + SPACING;
    }
  return lines;
}

/* Walks the chips as they would be placed in `width`, calling `place` for
 * each shown (with a width of -1 for each folded away), then for the
 * button when it is needed; returns the total height. */
static int
layout (AtlasChipBox *self,
        int           width,
        PlaceFunc     place,
        gpointer      user_data)
{
  guint lines = count_lines (self, width);
  gboolean folds = self->max_lines > 0 && lines > self->max_lines;
  gboolean folded = folds && !self->unfolded;
  int x = 0, y = 0, line_height = 0, more_width = 0, more_height = 0;
  guint line = 0;
  gboolean hiding = FALSE;

  if (folds)
    measure_child (self->more, width, &more_width, &more_height);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != self->more;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      measure_child (child, width, &child_width, &child_height);
      /* Folded: the chips of the last line leave room for the button, and
       * those after the first left out are all left out (they must not
       * start lines of their own). */
      if (!hiding && x > 0 && x + child_width > width)
        {
          x = 0;
          y += line_height + SPACING;
          line_height = 0;
          line++;
        }
      hiding |= folded && (line >= self->max_lines ||
                           (line + 1 == self->max_lines && x + child_width + SPACING + more_width > width));
      if (hiding)
        {
          if (place != NULL)
            place (child, 0, 0, -1, -1, user_data);
          continue;
        }
      if (place != NULL)
        place (child, x, y, child_width, child_height, user_data);
      x += child_width + SPACING;
      line_height = MAX (line_height, child_height);
    }
  if (folds)
    {
      if (x > 0 && x + more_width > width)
        {
          x = 0;
          y += line_height + SPACING;
          line_height = 0;
        }
      if (place != NULL)
        place (self->more, x, y, more_width, more_height, user_data);
      line_height = MAX (line_height, more_height);
    }
  else if (place != NULL)
    place (self->more, 0, 0, -1, -1, user_data);

  return y + line_height;
}

static GtkSizeRequestMode
atlas_chip_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
atlas_chip_box_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AtlasChipBox *self = ATLAS_CHIP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;
      gboolean first = TRUE;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != self->more;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (first ? 0 : SPACING);
          first = FALSE;
        }
      if (self->max_lines > 0)
        {
          int more_min;

          gtk_widget_measure (self->more, GTK_ORIENTATION_HORIZONTAL, -1, &more_min, NULL, NULL, NULL);
          min = MAX (min, more_min);
        }
      *minimum = min;
      *natural = MAX (nat, min);
    }
  else
    {
      int height = layout (self, for_size < 0 ? G_MAXINT / 2 : for_size, NULL, NULL);

      *minimum = *natural = height;
    }
}

/* A width of -1: folded away. */
static void
place_child (GtkWidget *child,
             int        x,
             int        y,
             int        width,
             int        height,
             gpointer   user_data)
{
  gtk_widget_set_child_visible (child, width >= 0);
  if (width >= 0)
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
atlas_chip_box_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  layout (ATLAS_CHIP_BOX (widget), width, place_child, NULL);
}

static void
update_more (AtlasChipBox *self)
{
  g_autofree char *label = NULL;

  if (self->unfolded)
    label = g_strdup (_("Show Fewer"));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %'u", "Show All %'u", self->n_chips), self->n_chips);
  gtk_button_set_label (GTK_BUTTON (self->more), label);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->more), GTK_ACCESSIBLE_STATE_EXPANDED, self->unfolded, -1);
}

static void
on_more_clicked (AtlasChipBox *self)
{
  self->unfolded = !self->unfolded;
  update_more (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
atlas_chip_box_dispose (GObject *object)
{
  AtlasChipBox *self = ATLAS_CHIP_BOX (object);

  atlas_chip_box_remove_all (self);
  g_clear_pointer (&self->more, gtk_widget_unparent);

  G_OBJECT_CLASS (atlas_chip_box_parent_class)->dispose (object);
}

static void
atlas_chip_box_class_init (AtlasChipBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chip_box_dispose;
  widget_class->get_request_mode = atlas_chip_box_get_request_mode;
  widget_class->measure = atlas_chip_box_measure;
  widget_class->size_allocate = atlas_chip_box_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "chipbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_chip_box_init (AtlasChipBox *self)
{
  self->more = gtk_button_new ();
  gtk_widget_add_css_class (self->more, "flat");
  gtk_widget_add_css_class (self->more, "chip");
  gtk_widget_add_css_class (self->more, "more");
  g_signal_connect_swapped (self->more, "clicked", G_CALLBACK (on_more_clicked), self);
  gtk_widget_set_parent (self->more, GTK_WIDGET (self));
  update_more (self);
}

GtkWidget *
atlas_chip_box_new (void)
{
  AtlasChipBox *self = g_object_new (ATLAS_TYPE_CHIP_BOX, NULL);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  return GTK_WIDGET (self);
}

/* At most `max_lines` lines of chips, the rest folded away; 0 for all. */
void
atlas_chip_box_set_max_lines (AtlasChipBox *self,
                              guint         max_lines)
{
  g_return_if_fail (ATLAS_IS_CHIP_BOX (self));

  self->max_lines = max_lines;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
atlas_chip_box_append (AtlasChipBox *self,
                       GtkWidget    *child)
{
  g_return_if_fail (ATLAS_IS_CHIP_BOX (self));

  gtk_widget_insert_before (child, GTK_WIDGET (self), self->more);
  self->n_chips++;
  update_more (self);
}

/* The chips go, and the box folds again for the next ones. */
void
atlas_chip_box_remove_all (AtlasChipBox *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL && child != self->more)
    gtk_widget_unparent (child);
  self->n_chips = 0;
  self->unfolded = FALSE;
  if (self->more != NULL)
    update_more (self);
}

/* Whether the button that unfolds the chips is shown: for tests. */
gboolean
atlas_chip_box_get_folds (AtlasChipBox *self)
{
  g_return_val_if_fail (ATLAS_IS_CHIP_BOX (self), FALSE);

  return gtk_widget_get_child_visible (self->more) && self->max_lines > 0;
}

GtkWidget *
atlas_chip_box_get_more_button (AtlasChipBox *self)
{
  g_return_val_if_fail (ATLAS_IS_CHIP_BOX (self), NULL);

  return self->more;
}
