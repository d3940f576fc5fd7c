<?php
/**
 * The bundled files: the loader (`assets/stack-advisor.js`) as a module
 * script with its Subresource Integrity hash, served from the plugin's own
 * folder. The loader brings in the other files of `assets/` and checks each
 * against the SHA-384 it carries.
 *
 * @package StackAdvisor
 */

defined( 'ABSPATH' ) || exit;

/**
 * What the build wrote into build.php: version, the loader's integrity, the files.
 *
 * @return array{version: string, integrity: string, files: string[]}|null Null without a build.
 */
function stack_advisor_build_info() {
	static $info = false;
	if ( false === $info ) {
		$file = STACK_ADVISOR_DIR . '/build.php';
		$info = is_readable( $file ) ? include $file : null;
		if ( ! is_array( $info ) || empty( $info['integrity'] ) || ! is_readable( STACK_ADVISOR_DIR . '/assets/stack-advisor.js' ) ) {
			$info = null;
		}
	}
	return $info;
}

/**
 * Registers the loader (enqueued by a widget on the page only). Its version
 * query is the build's hash, so a new build is a new URL.
 */
function stack_advisor_register_loader() {
	$build = stack_advisor_build_info();
	if ( null === $build ) {
		return;
	}
	wp_register_script(
		'stack-advisor',
		plugins_url( 'assets/stack-advisor.js', STACK_ADVISOR_FILE ),
		array(),
		substr( hash( 'sha256', $build['integrity'] ), 0, 12 ),
		true
	);
}

/**
 * WordPress 6.1 has no wp_enqueue_script_module: the loader's tag is
 * rewritten as a module script with `integrity` and `crossorigin`.
 *
 * @param string $tag    The tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    Its URL.
 * @return string
 */
function stack_advisor_module_tag( $tag, $handle, $src ) {
	if ( 'stack-advisor' !== $handle ) {
		return $tag;
	}
	$build = stack_advisor_build_info();
	return sprintf(
		'<script type="module" src="%s" integrity="%s" crossorigin="anonymous" id="stack-advisor-js"></script>' . "\n",
		esc_url( $src ),
		esc_attr( $build['integrity'] ?? '' )
	);
}
