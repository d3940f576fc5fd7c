<?php
/**
 * The HTML of one widget: `<stack-advisor …>` with its no-JavaScript
 * fallback inside, and the problems with the settings above it.
 *
 * @package StackAdvisor
 */

defined( 'ABSPATH' ) || exit;

/**
 * Renders checked attributes (stack_advisor_normalize) and enqueues the loader.
 *
 * @param array{attrs: array<string, string|true>, problems: string[]} $checked
 * @param string                                                       $classes The element's classes (the block's), already sanitized.
 * @return string
 */
function stack_advisor_render( array $checked, $classes = '' ) {
	$html = '';
	// At most five lines, however many attributes were wrong.
	$problems = $checked['problems'];
	if ( count( $problems ) > 5 ) {
		$problems = array_merge( array_slice( $problems, 0, 4 ), array( sprintf( '%d more attributes ignored', count( $problems ) - 4 ) ) );
	}
	foreach ( $problems as $problem ) {
		$html .= '<p class="stack-advisor-notice" role="note">' . esc_html( 'Stack advisor: ' . $problem . '.' ) . "</p>\n";
	}
	$build = stack_advisor_build_info();
	if ( null === $build ) {
		return $html . '<p class="stack-advisor-notice" role="note">' . esc_html__( 'Stack advisor: this copy of the plugin has no built files. Install stack-advisor-wordpress.zip from `make build`.', 'stack-advisor' ) . "</p>\n";
	}
	wp_enqueue_script( 'stack-advisor' );
	$html .= '<stack-advisor' . ( '' === $classes ? '' : ' class="' . esc_attr( $classes ) . '"' );
	foreach ( $checked['attrs'] as $name => $value ) {
		// Names come from the lists in attributes.php only; values are escaped.
		$html .= ' ' . $name . ( true === $value ? '' : '="' . stack_advisor_attr( $value ) . '"' );
	}
	return $html . ">\n" . stack_advisor_fallback( $checked['attrs'] ) . "</stack-advisor>\n";
}

/**
 * Puts the `<style>` that reserves the widget's height before the loader runs
 * (assets/reserve.css, written by the build from www/reserve.js; only where
 * scripting is enabled) at the start of the first post content of the request
 * that has a widget, so the page does not move when the widget starts. A
 * filter on the content, not the widget's own output: WordPress renders the
 * blocks before the shortcodes, so the first widget rendered may not be the
 * first on the page.
 *
 * @param string $content The post's content, its shortcodes and blocks rendered.
 * @return string
 */
function stack_advisor_reserve_first( $content ) {
	static $printed = false;
	if ( $printed || ! is_string( $content ) || false === strpos( $content, '<stack-advisor' ) ) {
		return $content;
	}
	$printed = true;
	return stack_advisor_reserve_style() . $content;
}

/**
 * The reserve `<style>` element; empty when the file is missing or is not one
 * line of CSS without `<`.
 *
 * @return string HTML.
 */
function stack_advisor_reserve_style() {
	$file = STACK_ADVISOR_DIR . '/assets/reserve.css';
	// The build's own static text, checked: nothing from a post or a setting.
	$css = is_readable( $file ) ? trim( (string) file_get_contents( $file ) ) : ''; // phpcs:ignore WordPress.WP.AlternativeFunctions
	if ( '' === $css || false !== strpbrk( $css, "<\n\r" ) ) {
		return '';
	}
	return '<style id="stack-advisor-reserve">' . $css . "</style>\n";
}

/**
 * What readers without JavaScript (feed readers, search engines) see inside
 * the element: the verdict for the default answers (written by the build,
 * from `stack-advisor render`), or, when the answers or the matrix are the
 * author's, a line saying the verdict needs JavaScript.
 *
 * @param array $attrs Checked attributes.
 * @return string HTML.
 */
function stack_advisor_fallback( array $attrs ) {
	$custom = isset( $attrs['src'] ) || ( isset( $attrs['answers'] ) && '{}' !== $attrs['answers'] );
	if ( ! $custom ) {
		$file = STACK_ADVISOR_DIR . '/assets/fallback.html';
		// The build's own output, every string in it already escaped by the renderer.
		$default = is_readable( $file ) ? file_get_contents( $file ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( false !== $default && '' !== $default ) {
			return $default;
		}
	}
	return '<div class="stack-advisor-fallback"><p>' . esc_html__( 'This interactive advisor needs JavaScript to show its verdict for these answers.', 'stack-advisor' ) . "</p></div>\n";
}

/**
 * An attribute value, escaped so the browser reads back exactly the checked
 * text. Unlike esc_attr, an `&` that starts an entity is escaped too:
 * esc_attr would leave `&#9;` as it is, and the browser would read a tab
 * (`java&#9;script:` is `javascript:` to a URL parser).
 *
 * @param string $value Checked, entity-decoded text.
 * @return string
 */
function stack_advisor_attr( $value ) {
	return htmlspecialchars( $value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8', true );
}
