<?php
/**
 * The shortcode's and the block's settings: checked against what the
 * `<stack-advisor>` element accepts, before anything reaches the page.
 * Every value is untrusted (an author, a pasted shortcode, a block comment).
 *
 * @package StackAdvisor
 */

defined( 'ABSPATH' ) || exit;

/** Longest value taken for any attribute (characters). */
const STACK_ADVISOR_MAX_VALUE = 2048;

/** The element's attributes that take a value, and the boolean ones. */
const STACK_ADVISOR_VALUE_ATTRIBUTES   = array( 'answers', 'src', 'theme', 'lang', 'methods', 'loading' );
const STACK_ADVISOR_BOOLEAN_ATTRIBUTES = array( 'compact', 'no-share', 'no-sources', 'calibrate' );

/**
 * Block attribute names (camelCase, block.json) → element attribute names.
 *
 * @param array $attributes The block's attributes.
 * @return array Shortcode-style attributes.
 */
function stack_advisor_block_to_atts( array $attributes ) {
	$names = array(
		'noShare'   => 'no-share',
		'noSources' => 'no-sources',
	);
	$atts  = array();
	foreach ( $attributes as $name => $value ) {
		$name = $names[ $name ] ?? $name;
		// Booleans left off (false) are simply not set; '' means "not set" for the others.
		if ( false === $value || '' === $value ) {
			continue;
		}
		$atts[ $name ] = $value;
	}
	return $atts;
}

/**
 * Checks the attributes. Unknown names and values the element would not
 * accept are left out, each with a problem in plain words (shown above the
 * widget); nothing is passed on unchecked.
 *
 * @param array $atts Shortcode attributes: name => value, or a number => flag name (`[stack_advisor compact]`).
 * @return array{attrs: array<string, string|true>, problems: string[]}
 */
function stack_advisor_normalize( array $atts ) {
	$attrs    = array();
	$problems = array();
	foreach ( $atts as $name => $value ) {
		if ( is_int( $name ) ) {
			// A bare word: a boolean attribute.
			$name  = is_string( $value ) ? strtolower( trim( $value ) ) : '';
			$value = true;
		}
		$name = strtolower( (string) $name );
		if ( in_array( $name, STACK_ADVISOR_BOOLEAN_ATTRIBUTES, true ) ) {
			$flag = stack_advisor_flag( $value );
			if ( null === $flag ) {
				$problems[] = stack_advisor_problem( $name, $value, 'on or off: leave the value out, or write true or false' );
			} elseif ( $flag ) {
				$attrs[ $name ] = true;
			}
			continue;
		}
		if ( ! in_array( $name, STACK_ADVISOR_VALUE_ATTRIBUTES, true ) ) {
			$problems[] = sprintf( 'unknown attribute "%s" ignored (known: %s)', stack_advisor_shorten( $name ), implode( ', ', array_merge( STACK_ADVISOR_VALUE_ATTRIBUTES, STACK_ADVISOR_BOOLEAN_ATTRIBUTES ) ) );
			continue;
		}
		if ( ! is_string( $value ) ) {
			$problems[] = stack_advisor_problem( $name, '', 'must be text' );
			continue;
		}
		// Entities decoded first (an editor may store & as &amp;; `]` ends a
		// shortcode, so it is written &#93;): the value is checked as the
		// browser will read it, and printed encoded exactly once (render.php).
		$value = trim( html_entity_decode( $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
		if ( '' === $value ) {
			continue;
		}
		$length = mb_strlen( $value, 'UTF-8' );
		if ( $length > STACK_ADVISOR_MAX_VALUE ) {
			$problems[] = stack_advisor_problem( $name, $value, sprintf( 'too long (%d characters; at most %d)', $length, STACK_ADVISOR_MAX_VALUE ) );
			continue;
		}
		$checked = call_user_func( 'stack_advisor_check_' . str_replace( '-', '_', $name ), $value );
		if ( is_array( $checked ) ) {
			$problems[] = stack_advisor_problem( $name, $value, $checked['error'] );
		} else {
			$attrs[ $name ] = $checked;
		}
	}
	return array(
		'attrs'    => $attrs,
		'problems' => $problems,
	);
}

/**
 * A boolean attribute's value: true, false, or null when it is neither.
 *
 * @param mixed $value
 * @return bool|null
 */
function stack_advisor_flag( $value ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	if ( ! is_string( $value ) ) {
		return null;
	}
	$value = strtolower( trim( $value ) );
	if ( in_array( $value, array( '', 'true', '1', 'yes', 'on' ), true ) ) {
		return true;
	}
	if ( in_array( $value, array( 'false', '0', 'no', 'off' ), true ) ) {
		return false;
	}
	return null;
}

/**
 * `answers`: a JSON object (`]` ends a shortcode, so a list's `]` is
 * written `&#93;`). Passed on re-encoded.
 *
 * @param string $value
 * @return string|array The JSON to pass on, or ['error' => why].
 */
function stack_advisor_check_answers( $value ) {
	$decoded = json_decode( $value, false, 8 );
	if ( ! is_object( $decoded ) ) {
		return array( 'error' => 'must be a JSON object, e.g. {"project":"realtime","team":"javascript"}' );
	}
	return (string) wp_json_encode( $decoded, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
}

/**
 * `src`: a URL of a matrix JSON, http(s) or relative; no other scheme, no
 * spaces or control characters (browsers drop those, "java\tscript:" is a
 * scheme again). The element itself then loads it only from the page's origin.
 *
 * @param string $value
 * @return string|array
 */
function stack_advisor_check_src( $value ) {
	$error = array( 'error' => 'must be an http(s) URL or a path on this site, e.g. /matrices/postgres-vs-mongodb.json' );
	if ( preg_match( '/[\x00-\x20\x7f\\\\<>"\'`]/', $value ) ) {
		return $error;
	}
	if ( preg_match( '/^([a-z][a-z0-9+.\-]*):/i', $value, $scheme ) ) {
		if ( ! in_array( strtolower( $scheme[1] ), array( 'http', 'https' ), true ) || ! preg_match( '~^https?://[^/?#]+~i', $value ) ) {
			return $error;
		}
	}
	$parts = wp_parse_url( $value );
	if ( false === $parts ) {
		return $error;
	}
	return $value;
}

/**
 * `theme`: auto, light or dark.
 *
 * @param string $value
 * @return string|array
 */
function stack_advisor_check_theme( $value ) {
	$value = strtolower( $value );
	return in_array( $value, array( 'auto', 'light', 'dark' ), true ) ? $value : array( 'error' => 'one of auto, light, dark' );
}

/**
 * `loading`: lazy or eager.
 *
 * @param string $value
 * @return string|array
 */
function stack_advisor_check_loading( $value ) {
	$value = strtolower( $value );
	return in_array( $value, array( 'lazy', 'eager' ), true ) ? $value : array( 'error' => 'lazy or eager' );
}

/**
 * `lang`: a language tag (en, de, de-AT, …).
 *
 * @param string $value
 * @return string|array
 */
function stack_advisor_check_lang( $value ) {
	return preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/', $value ) ? $value : array( 'error' => 'a language tag such as en, de or de-AT' );
}

/**
 * `methods`: wsm and/or topsis, separated by spaces.
 *
 * @param string $value
 * @return string|array
 */
function stack_advisor_check_methods( $value ) {
	$methods = array_unique( preg_split( '/[\s,]+/', strtolower( $value ), -1, PREG_SPLIT_NO_EMPTY ) );
	if ( array_diff( $methods, array( 'wsm', 'topsis' ) ) ) {
		return array( 'error' => 'wsm, topsis or "wsm topsis"' );
	}
	return implode( ' ', $methods );
}

/**
 * One problem, in plain words, quoting (a shortened) value.
 *
 * @param string $name
 * @param mixed  $value
 * @param string $why
 * @return string Plain text (escaped when printed).
 */
function stack_advisor_problem( $name, $value, $why ) {
	$shown = is_string( $value ) && '' !== $value ? sprintf( '="%s"', stack_advisor_shorten( $value ) ) : '';
	return sprintf( '%s%s ignored: %s', $name, $shown, $why );
}

/**
 * At most 60 characters of a value, for a message.
 *
 * @param string $text
 * @return string
 */
function stack_advisor_shorten( $text ) {
	$text = (string) $text;
	return mb_strlen( $text, 'UTF-8' ) > 60 ? mb_substr( $text, 0, 59, 'UTF-8' ) . '…' : $text;
}
