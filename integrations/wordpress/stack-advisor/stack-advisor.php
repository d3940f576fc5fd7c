<?php
/**
 * Plugin Name:       Stack Advisor
 * Description:       The "Node.js or Python for my backend?" advisor in posts and pages: the [stack_advisor] shortcode and the Stack advisor block. Serves its own files (no CDN), checked by their SHA-384.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            stack-advisor contributors
 * License:           MIT OR Apache-2.0
 * Text Domain:       stack-advisor
 *
 * @package StackAdvisor
 */

defined( 'ABSPATH' ) || exit;

define( 'STACK_ADVISOR_FILE', __FILE__ );
define( 'STACK_ADVISOR_DIR', __DIR__ );

require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';

add_action( 'init', 'stack_advisor_register' );
add_filter( 'script_loader_tag', 'stack_advisor_module_tag', 10, 3 );
// After do_shortcode (11) and do_blocks (9): the content with its widgets in place.
add_filter( 'the_content', 'stack_advisor_reserve_first', 20 );

/**
 * Registers the loader script, the shortcode, the editor script and the block.
 */
function stack_advisor_register() {
	stack_advisor_register_loader();
	add_shortcode( 'stack_advisor', 'stack_advisor_shortcode' );
	wp_register_script(
		'stack-advisor-block-editor',
		plugins_url( 'block/editor.js', STACK_ADVISOR_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		stack_advisor_build_info()['version'] ?? '0',
		true
	);
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'stack_advisor_block' ) );
}

/**
 * The shortcode: `[stack_advisor answers='{"project":"realtime"}' theme='dark' compact]`.
 *
 * @param array|string $atts The attributes as WordPress parsed them ('' when none).
 * @return string The element's HTML, every value escaped.
 */
function stack_advisor_shortcode( $atts ) {
	return stack_advisor_render( stack_advisor_normalize( is_array( $atts ) ? $atts : array() ) );
}

/**
 * The block's server-side render: the same HTML as the shortcode.
 *
 * @param array $attributes The block's attributes (block.json), already type-checked by WordPress.
 * @return string
 */
function stack_advisor_block( $attributes ) {
	$attributes = is_array( $attributes ) ? $attributes : array();
	// WordPress's own settings: the "Additional CSS class(es)" become the element's classes.
	$classes = array( 'wp-block-stack-advisor-advisor' );
	if ( isset( $attributes['className'] ) && is_string( $attributes['className'] ) ) {
		$classes = array_merge( $classes, array_filter( array_map( 'sanitize_html_class', preg_split( '/\s+/', $attributes['className'] ) ) ) );
	}
	unset( $attributes['className'], $attributes['lock'] );
	return stack_advisor_render( stack_advisor_normalize( stack_advisor_block_to_atts( $attributes ) ), implode( ' ', $classes ) );
}
