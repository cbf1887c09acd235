/* atlas-chip-line.c: an article row's companies and countries, drawn
 *
 * GtkListView 4.8 binds about 200 rows at each filter change, and a chip
 * made of a label costs a widget, its accessible object and the shaping of
 * its text every time. Here a row's chips are one widget, drawn from text
 * layouts shared by every row: the same companies recur from row to row,
 * so a name is shaped once. Those the title names come first; the chips
 * that do not fit the line are counted in a last "+N" chip; screen readers
 * get every name. A click on a chip filters by it, as in the reader.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-article.h"
#include "atlas-chip-line-private.h"
#include "atlas-compat.h"
#include "atlas-kinds.h"
#include "atlas-shared-text.h"
#include "atlas-palette.h"
#include "atlas-text.h"

#define PADDING_X 8
#define PADDING_Y 1
#define SPACING 4
/* Beyond this many names the shared layouts are dropped and shaped again:
 * a store names a few thousand entities, and each layout holds its glyphs. */
#define MAX_SHARED_LAYOUTS 4096

typedef enum
{
  CHIP_COMPANY,
  CHIP_COUNTRY,
} ChipKind;

typedef struct
{
  PangoLayout *layout;
  int          width;   /* of the text */
  ChipKind     kind;
  char        *id;
  const char  *kind_id;
  int          x;       /* where the last allocation put it, left to right */
} Chip;

struct _AtlasChipLine
{
  GtkWidget    parent_instance;
  GArray      *chips;
  int          text_height;
  guint        n_shown;
  PangoLayout *more;    /* "+N", for the chips left out */
  int          more_x;
  int          laid_out_width;  /* of the last allocation, -1 after new chips */
};

G_DEFINE_FINAL_TYPE (AtlasChipLine, atlas_chip_line, GTK_TYPE_WIDGET)

static PangoContext *layouts_context;  /* what the shared layouts were made on */
static GHashTable *shared_layouts;      /* name → PangoLayout */

static PangoLayout *
shared_layout (AtlasChipLine *self,
               const char    *name)
{
  PangoContext *context = atlas_shared_pango_context (GTK_WIDGET (self));
  PangoLayout *layout;

  if (context != layouts_context || (shared_layouts != NULL && g_hash_table_size (shared_layouts) >= MAX_SHARED_LAYOUTS))
    {
      g_clear_pointer (&shared_layouts, g_hash_table_unref);
      g_set_object (&layouts_context, context);
      shared_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }

  layout = g_hash_table_lookup (shared_layouts, name);
  if (layout == NULL)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      /* Names come from feeds: plain text, never markup. */
      layout = pango_layout_new (context);
      pango_layout_set_text (layout, name, -1);
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      g_hash_table_insert (shared_layouts, g_strdup (name), layout);
    }
  return g_object_ref (layout);
}

/* The height of a line of chips, whichever names it shows. */
int
atlas_chip_line_get_line_height (AtlasChipLine *self)
{
  g_autoptr(PangoLayout) sample = NULL;
  int height;

  g_return_val_if_fail (ATLAS_IS_CHIP_LINE (self), 0);

  sample = shared_layout (self, "Ág");
  pango_layout_get_pixel_size (sample, NULL, &height);
  return height + 2 * PADDING_Y;
}

static void
clear_chip (Chip *chip)
{
  g_clear_object (&chip->layout);
  g_clear_pointer (&chip->id, g_free);
}

/* A name folded as searches are, kept with its shared layout: rows of the
 * same companies, made 25 a frame while scrolling, fold it once. */
static const char *
folded_name (PangoLayout *layout)
{
  const char *folded = g_object_get_data (G_OBJECT (layout), "atlas-folded");

  if (folded == NULL)
    {
      char *made = atlas_text_fold (pango_layout_get_text (layout));

      g_object_set_data_full (G_OBJECT (layout), "atlas-folded", made, g_free);
      folded = made;
    }
  return folded;
}

/* Where the title names an entity, both folded; G_MAXINT when it does not. */
static int
place_in_title (const char *folded_title,
                const char *folded)
{
  const char *found;

  if (folded_title == NULL || folded == NULL || *folded == '\0' ||
      (found = strstr (folded_title, folded)) == NULL)
    return G_MAXINT;
  return found - folded_title;
}

typedef struct
{
  const AtlasEntityRef *entity;
  int                   place;
  guint                 order;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->place != y->place)
    return x->place < y->place ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* The companies and countries of `entities`, those `title` names first, in
 * the order it names them, then the rest in the order given. */
void
atlas_chip_line_set_entities (AtlasChipLine *self,
                              GPtrArray     *entities,
                              const char    *title)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autofree char *folded_title = title != NULL ? atlas_text_fold (title) : NULL;

  g_return_if_fail (ATLAS_IS_CHIP_LINE (self));

  g_array_set_size (self->chips, 0);
  self->text_height = 0;
  self->laid_out_width = -1;
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      const AtlasEntityRef *entity = g_ptr_array_index (entities, i);
      g_autoptr(PangoLayout) layout = NULL;
      Ranked rank = { entity, G_MAXINT, i };

      if (g_strcmp0 (entity->kind, "company") != 0 && g_strcmp0 (entity->kind, "country") != 0)
        continue;
      if (folded_title != NULL)
        {
          layout = shared_layout (self, entity->name);
          rank.place = place_in_title (folded_title, folded_name (layout));
        }
      g_array_append_val (ranked, rank);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      const AtlasEntityRef *entity = g_array_index (ranked, Ranked, i).entity;
      /* Two companies of one name each say which they are. */
      g_autofree char *label = atlas_entity_refs_label (entities, g_array_index (ranked, Ranked, i).order);
      Chip chip = { 0 };
      int height;

      chip.kind = g_strcmp0 (entity->kind, "company") == 0 ? CHIP_COMPANY : CHIP_COUNTRY;
      chip.kind_id = chip.kind == CHIP_COMPANY ? "company" : "country";
      chip.id = g_strdup (entity->id);
      chip.layout = shared_layout (self, label);
      pango_layout_get_pixel_size (chip.layout, &chip.width, &height);
      self->text_height = MAX (self->text_height, height);
      g_array_append_val (self->chips, chip);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, label);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, names->str, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, self->chips->len == 0, -1);
  /* The line keeps its height, empty or not: a row sets its chips while it
   * is allocated, and a new size asked for then would leave the row's
   * parent waiting for an allocation when it is drawn. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
atlas_chip_line_get_n_chips (AtlasChipLine *self)
{
  g_return_val_if_fail (ATLAS_IS_CHIP_LINE (self), 0);

  return self->chips->len;
}

const char *
atlas_chip_line_get_chip_id (AtlasChipLine *self,
                             guint          index)
{
  g_return_val_if_fail (ATLAS_IS_CHIP_LINE (self), NULL);
  g_return_val_if_fail (index < self->chips->len, NULL);

  return g_array_index (self->chips, Chip, index).id;
}

/* The chips the "+N" chip counts: none when there is none. */
guint
atlas_chip_line_get_n_more (AtlasChipLine *self)
{
  g_return_val_if_fail (ATLAS_IS_CHIP_LINE (self), 0);

  return self->more != NULL ? self->chips->len - self->n_shown : 0;
}

/* Where the chip `index` begins, if shown. */
gboolean
atlas_chip_line_get_chip_x (AtlasChipLine *self,
                            guint          index,
                            double        *x)
{
  g_return_val_if_fail (ATLAS_IS_CHIP_LINE (self), FALSE);

  if (index >= self->n_shown)
    return FALSE;
  *x = g_array_index (self->chips, Chip, index).x;
  return TRUE;
}

/* How many chips the last allocation had room for. */
guint
atlas_chip_line_get_n_shown (AtlasChipLine *self)
{
  g_return_val_if_fail (ATLAS_IS_CHIP_LINE (self), 0);

  return self->n_shown;
}

static int
chip_width (const Chip *chip)
{
  return chip->width + 2 * PADDING_X;
}

static void
atlas_chip_line_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AtlasChipLine *self = ATLAS_CHIP_LINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int width = 0;

      for (guint i = 0; i < self->chips->len; i++)
        width += chip_width (&g_array_index (self->chips, Chip, i)) + (i > 0 ? SPACING : 0);
      /* The line may show no chip at all rather than widen its row. */
      *minimum = 0;
      *natural = width;
    }
  else
    *minimum = *natural = atlas_chip_line_get_line_height (self);
}

/* The "+N" chip for `hidden` chips left out. */
static int
more_width (AtlasChipLine *self,
            guint          hidden)
{
  g_autofree char *text = g_strdup_printf ("+%u", hidden);
  int width;

  g_clear_object (&self->more);
  self->more = shared_layout (self, text);
  pango_layout_get_pixel_size (self->more, &width, NULL);
  return width + 2 * PADDING_X;
}

/* As many chips as fit, and when some do not, room for "+N" after them. */
static void
atlas_chip_line_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  AtlasChipLine *self = ATLAS_CHIP_LINE (widget);
  guint n = self->chips->len;
  int x = 0, all = 0;

  /* Rows are allocated again at every frame of a scroll: the same chips
   * at the same width are where they were. */
  if (width == self->laid_out_width)
    return;
  self->laid_out_width = width;
  for (guint i = 0; i < n; i++)
    all += (i > 0 ? SPACING : 0) + chip_width (&g_array_index (self->chips, Chip, i));

  self->n_shown = 0;
  for (guint i = 0; i < n; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      int right = x + chip_width (chip);
      /* All fit: no "+N"; the last chip needs none beside it either. */
      int reserve = all > width && i + 1 < n ? SPACING + more_width (self, n - i - 1) : 0;

      if (right + reserve > width)
        break;
      chip->x = x;
      x = right + SPACING;
      self->n_shown++;
    }
  if (self->n_shown < n && x + more_width (self, n - self->n_shown) <= width)
    self->more_x = x;
  else
    g_clear_object (&self->more);
}

static void
draw_chip (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const GdkRGBA *background,
           const GdkRGBA *color,
           float          left,
           int            width,
           int            height)
{
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (left, 0, width, height), height / 2.f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, background, &outline.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left + PADDING_X, PADDING_Y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
atlas_chip_line_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  AtlasChipLine *self = ATLAS_CHIP_LINE (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = self->text_height + 2 * PADDING_Y;
  GdkRGBA color, backgrounds[2], neutral;

  atlas_compat_widget_get_color (widget, &color);
  /* As style.css tints the label chips: libadwaita's accent (the user's
   * own where it follows one) for companies, its success green for
   * countries, both following the dark style. */
  atlas_palette_color (widget, "accent_bg_color", &backgrounds[CHIP_COMPANY]);
  atlas_palette_color (widget, "success_bg_color", &backgrounds[CHIP_COUNTRY]);
  backgrounds[CHIP_COMPANY].alpha *= 0.18f;
  backgrounds[CHIP_COUNTRY].alpha *= 0.18f;
  neutral = color;
  neutral.alpha *= 0.08f;

  for (guint i = 0; i < self->n_shown; i++)
    {
      const Chip *chip = &g_array_index (self->chips, Chip, i);
      int w = chip_width (chip);

      draw_chip (snapshot, chip->layout, &backgrounds[chip->kind], &color, rtl ? width - chip->x - w : chip->x, w,
                 height);
    }
  if (self->more != NULL)
    {
      int w;

      pango_layout_get_pixel_size (self->more, &w, NULL);
      w += 2 * PADDING_X;
      draw_chip (snapshot, self->more, &neutral, &color, rtl ? width - self->more_x - w : self->more_x, w, height);
    }
}

/* The chip shown at `x`, or NULL. */
static const Chip *
chip_at (AtlasChipLine *self,
         double         x)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (GTK_WIDGET (self)) - x;
  for (guint i = 0; i < self->n_shown; i++)
    {
      const Chip *chip = &g_array_index (self->chips, Chip, i);

      if (x >= chip->x && x < chip->x + chip_width (chip))
        return chip;
    }
  return NULL;
}

/* A press on a chip is the chip's: the row under it does not open its
 * article, and the filter takes the chip's company or country. */
static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            AtlasChipLine   *self)
{
  const Chip *chip = chip_at (self, x);

  if (chip == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self),
                              atlas_filter_group_toggle_action (atlas_entity_kind_lookup (chip->kind_id)->group),
                              "s", chip->id);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           AtlasChipLine            *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), chip_at (self, x) != NULL ? "pointer" : NULL);
}

static void
atlas_chip_line_finalize (GObject *object)
{
  AtlasChipLine *self = ATLAS_CHIP_LINE (object);

  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_object (&self->more);

  G_OBJECT_CLASS (atlas_chip_line_parent_class)->finalize (object);
}

static void
atlas_chip_line_class_init (AtlasChipLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = atlas_chip_line_finalize;

  widget_class->measure = atlas_chip_line_measure;
  widget_class->size_allocate = atlas_chip_line_size_allocate;
  widget_class->snapshot = atlas_chip_line_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chipline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
atlas_chip_line_init (AtlasChipLine *self)
{
  self->chips = g_array_new (FALSE, FALSE, sizeof (Chip));
  self->laid_out_width = -1;
  g_array_set_clear_func (self->chips, (GDestroyNotify) clear_chip);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  {
    GtkGesture *click = gtk_gesture_click_new ();
    GtkEventController *motion = gtk_event_controller_motion_new ();

    g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
    g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
    gtk_widget_add_controller (GTK_WIDGET (self), motion);
  }
}

GtkWidget *
atlas_chip_line_new (void)
{
  return g_object_new (ATLAS_TYPE_CHIP_LINE, NULL);
}
