// The admin gateway's API, generated from its OpenAPI by `pnpm --filter @kasa/console api`.
// Do not edit: a change of the API changes this file, and the console breaks at build time.

export interface paths {
    "/signin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with login and password
         * @description 404 `{}` (the seed's answer) for an unknown login, a wrong password or a blocked account alike. After 5 wrong passwords in a row the login is locked: 429 with Retry-After, for a minute, doubling with each further failure up to an hour. With `must_change_password`, only /user/change_password is open until the password is changed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            refresh_token: string;
                            expires_in: number;
                            user: {
                                name: string;
                                login: string;
                                email: string | null;
                                is_active: number;
                                /**
                                 * @description dd.mm.yyyy
                                 * @example 24.08.2024
                                 */
                                updated_at: string;
                                id: number;
                                phone: string | null;
                                role: "admin" | "staff";
                                must_change_password: boolean;
                                /**
                                 * @description dd.mm.yyyy
                                 * @example 24.08.2024
                                 */
                                created_at: string;
                            };
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description `{}`: the login and password match no active account (the seed's answer) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out: this token (and its refresh token) stops working within a second */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for a new pair
         * @description The old refresh token stops working; using it again ends every session of its family.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refresh_token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            /** @description Opaque; trade it for a new pair at the refresh route. Each works once. */
                            refresh_token: string;
                            /** @description Seconds the access token is valid */
                            expires_in: number;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every staff user (administrators only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                login: string;
                                name: string;
                                email: string | null;
                                phone: string | null;
                                is_active: number;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                role: "admin" | "staff";
                                must_change_password: boolean;
                            }[];
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Create a staff user
         * @description The answer carries the generated password in `data.password`, this once: hand it to the user, who must change it at the first sign-in. 422 "user already exist" when the login is taken.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @default true */
                        is_active?: boolean;
                        /** @description 3 to 64 letters, digits, dots, dashes or underscores */
                        login: string;
                        name: string;
                        phone?: string | null;
                        role?: "admin" | "staff";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                            data: {
                                id: number;
                                login: string;
                                name: string;
                                email: string | null;
                                phone: string | null;
                                is_active: number;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                role: "admin" | "staff";
                                must_change_password: boolean;
                                password: string;
                            };
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Edit a staff user; `is_active: false` blocks them
         * @description Blocking ends their sessions. Nobody blocks or demotes themselves or the last active administrator (409). 422 "user does not exist" for an unknown id.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: number;
                        /** Format: email */
                        email?: string;
                        is_active?: boolean;
                        /** @description 3 to 64 letters, digits, dots, dashes or underscores */
                        login?: string;
                        name?: string;
                        phone?: string | null;
                        role?: "admin" | "staff";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                            data: {
                                id: number;
                                login: string;
                                name: string;
                                email: string | null;
                                phone: string | null;
                                is_active: number;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                role: "admin" | "staff";
                                must_change_password: boolean;
                            };
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One staff user, as a list of one (administrators only)
         * @description An empty list when there is no such user, as the seed answered.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                login: string;
                                name: string;
                                email: string | null;
                                phone: string | null;
                                is_active: number;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                role: "admin" | "staff";
                                must_change_password: boolean;
                            }[];
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a staff user
         * @description Nobody deletes themselves or the last active administrator (409).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/change_password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password, or (administrators, with `id`) reset another user’s
         * @description Without `id`, or with your own: `old_password` and `new_password` (at least 8 characters, not a common password, not your login or name). Your other sessions end; the answer carries new tokens. With another user's `id` (administrators): the passwords sent are ignored, the user gets a generated one, in `password` this once, to change at their next sign-in; their sessions end.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id?: number;
                        old_password?: string;
                        new_password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                            access_token?: string;
                            refresh_token?: string;
                            expires_in?: number;
                            /** @description The generated password, after a reset */
                            password?: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find members, or list those that need attention
         * @description Members with any word of `filter.query` (in any case) in one of the chosen fields (all when `fields` is omitted), as the seed searched. An empty query lists the members that need attention: profile not yet approved, program change, new documents, a reported mistake, new requests. Latest changed first. Every match up to 10000 (the seed answered all), or a page with `offset` and `limit`; `total` counts them all.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        filter?: {
                            query?: string | null;
                            fields?: {
                                name?: boolean;
                                passport?: boolean;
                                inn?: boolean;
                                iban?: boolean;
                                certificate?: boolean;
                            };
                        };
                        offset?: number;
                        /** @description a page of this many; without it, every match up to 10000 */
                        limit?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                first_name: string | null;
                                middle_name: string | null;
                                last_name: string | null;
                                phone: string;
                                email: string | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                birth_date: string | null;
                                passport_data: string | null;
                                inn: string | null;
                                actual_iban: string | null;
                                photo: string | null;
                                diia_answer: string | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                certificate: string | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                expiration_date: string | null;
                                has_new_request: number;
                                is_active: boolean;
                                is_submited: boolean;
                                has_new_program_change: boolean;
                                has_new_passport_data: boolean;
                            }[];
                            /** @description Kasa's: how many match, beyond the page too */
                            total: number;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Edit, approve, block or unblock a member
         * @description Sets the fields given (empty or null ones change nothing, as in the seed); `birth_date` as `dd.mm.yyyy` or `yyyy-mm-dd`. Each save makes an approved member's pending program and documents current, as the seed's did; `is_submited: true` approves a new profile. `is_active: false` blocks the member and ends their sessions. 404 for an unknown member, 409 when there is nothing to approve with, 422 when the phone or the certificate is another member's (the seed answered every failure 500).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: number;
                        first_name?: string | null;
                        middle_name?: string | null;
                        last_name?: string | null;
                        email?: string | null;
                        iban?: string | null;
                        /** @description %d.%m.%Y or %Y-%m-%d (the seed tried both) */
                        birth_date?: string | null;
                        certificate?: string | null;
                        passport_data?: string | null;
                        inn?: string | null;
                        phone?: string | null;
                        /** @description false blocks the member, true unblocks */
                        is_active?: boolean;
                        /** @description true approves: the pending program and documents become current */
                        is_submited?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "success";
                            message: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        /** One member's card: profile, programs, documents, requests, payments */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member: {
                                id: number;
                                first_name: string | null;
                                middle_name: string | null;
                                last_name: string | null;
                                phone: string;
                                email: string | null;
                                /**
                                 * @description yyyy-mm-dd
                                 * @example 1990-04-17
                                 */
                                birth_date: string | null;
                                passport_data: string | null;
                                inn: string | null;
                                actual_iban: string | null;
                                photo: string | null;
                                diia_answer: string | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                certificate: string | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                expiration_date: string | null;
                                has_new_request: number;
                                is_active: boolean;
                                is_submited: boolean;
                                has_new_program_change: boolean;
                                has_new_passport_data: boolean;
                            };
                            actual_program: {
                                id: number;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                program: {
                                    id: number;
                                    program_name: string;
                                    /** @description The full URL of the terms document */
                                    program_file: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    created_by: {
                                        id: number;
                                        login: string;
                                        name: string;
                                        email: string | null;
                                        phone: string | null;
                                        is_active: number;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                    } | null;
                                    updated_by: {
                                        id: number;
                                        login: string;
                                        name: string;
                                        email: string | null;
                                        phone: string | null;
                                        is_active: number;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                    } | null;
                                    /** @description hryvnias */
                                    month_price: number;
                                    is_active: number;
                                };
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                is_active: boolean;
                                is_new: boolean;
                            } | null;
                            new_program: {
                                id: number;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                program: {
                                    id: number;
                                    program_name: string;
                                    /** @description The full URL of the terms document */
                                    program_file: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    created_by: {
                                        id: number;
                                        login: string;
                                        name: string;
                                        email: string | null;
                                        phone: string | null;
                                        is_active: number;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                    } | null;
                                    updated_by: {
                                        id: number;
                                        login: string;
                                        name: string;
                                        email: string | null;
                                        phone: string | null;
                                        is_active: number;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                    } | null;
                                    /** @description hryvnias */
                                    month_price: number;
                                    is_active: number;
                                };
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                is_active: boolean;
                                is_new: boolean;
                            } | null;
                            programs: {
                                id: number;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                program: {
                                    id: number;
                                    program_name: string;
                                    /** @description The full URL of the terms document */
                                    program_file: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    created_by: {
                                        id: number;
                                        login: string;
                                        name: string;
                                        email: string | null;
                                        phone: string | null;
                                        is_active: number;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                    } | null;
                                    updated_by: {
                                        id: number;
                                        login: string;
                                        name: string;
                                        email: string | null;
                                        phone: string | null;
                                        is_active: number;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                    } | null;
                                    /** @description hryvnias */
                                    month_price: number;
                                    is_active: number;
                                };
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                is_active: boolean;
                                is_new: boolean;
                            }[];
                            current_identities: {
                                id: number;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                file: {
                                    id: number;
                                    filename: string;
                                    request: {
                                        id: number;
                                        request_text: string;
                                        member: {
                                            id: number;
                                            first_name: string | null;
                                            middle_name: string | null;
                                            last_name: string | null;
                                            phone: string;
                                            email: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            birth_date: string | null;
                                            passport_data: string | null;
                                            inn: string | null;
                                            actual_iban: string | null;
                                            photo: string | null;
                                            diia_answer: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            created_at: string;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            updated_at: string;
                                            certificate: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            expiration_date: string | null;
                                            has_new_request: number;
                                            is_active: boolean;
                                            is_submited: boolean;
                                            has_new_program_change: boolean;
                                            has_new_passport_data: boolean;
                                        };
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        /** @description hryvnias granted */
                                        suma: number;
                                        status: {
                                            id: number;
                                            name: string;
                                            alias: string;
                                        };
                                        diagnos: string | null;
                                    } | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    } | null;
                                };
                                identity_type: {
                                    id: number;
                                    name: string;
                                };
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                is_active: boolean;
                                is_new: boolean;
                            }[];
                            new_identities: {
                                id: number;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                file: {
                                    id: number;
                                    filename: string;
                                    request: {
                                        id: number;
                                        request_text: string;
                                        member: {
                                            id: number;
                                            first_name: string | null;
                                            middle_name: string | null;
                                            last_name: string | null;
                                            phone: string;
                                            email: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            birth_date: string | null;
                                            passport_data: string | null;
                                            inn: string | null;
                                            actual_iban: string | null;
                                            photo: string | null;
                                            diia_answer: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            created_at: string;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            updated_at: string;
                                            certificate: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            expiration_date: string | null;
                                            has_new_request: number;
                                            is_active: boolean;
                                            is_submited: boolean;
                                            has_new_program_change: boolean;
                                            has_new_passport_data: boolean;
                                        };
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        /** @description hryvnias granted */
                                        suma: number;
                                        status: {
                                            id: number;
                                            name: string;
                                            alias: string;
                                        };
                                        diagnos: string | null;
                                    } | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    } | null;
                                };
                                identity_type: {
                                    id: number;
                                    name: string;
                                };
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                is_active: boolean;
                                is_new: boolean;
                            }[];
                            identities: {
                                id: number;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                file: {
                                    id: number;
                                    filename: string;
                                    request: {
                                        id: number;
                                        request_text: string;
                                        member: {
                                            id: number;
                                            first_name: string | null;
                                            middle_name: string | null;
                                            last_name: string | null;
                                            phone: string;
                                            email: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            birth_date: string | null;
                                            passport_data: string | null;
                                            inn: string | null;
                                            actual_iban: string | null;
                                            photo: string | null;
                                            diia_answer: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            created_at: string;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            updated_at: string;
                                            certificate: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            expiration_date: string | null;
                                            has_new_request: number;
                                            is_active: boolean;
                                            is_submited: boolean;
                                            has_new_program_change: boolean;
                                            has_new_passport_data: boolean;
                                        };
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        /** @description hryvnias granted */
                                        suma: number;
                                        status: {
                                            id: number;
                                            name: string;
                                            alias: string;
                                        };
                                        diagnos: string | null;
                                    } | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    } | null;
                                };
                                identity_type: {
                                    id: number;
                                    name: string;
                                };
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                is_active: boolean;
                                is_new: boolean;
                            }[];
                            requests: {
                                id: number;
                                request_text: string;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                /** @description hryvnias granted */
                                suma: number;
                                status: {
                                    id: number;
                                    name: string;
                                    alias: string;
                                };
                                diagnos: string | null;
                            }[];
                            payments: {
                                id: number;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                iban: string | null;
                                payment_type: {
                                    id: number;
                                    name: string;
                                };
                                payment_identifier: string | null;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                request: {
                                    id: number;
                                    request_text: string;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    };
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    /** @description hryvnias granted */
                                    suma: number;
                                    status: {
                                        id: number;
                                        name: string;
                                        alias: string;
                                    };
                                    diagnos: string | null;
                                } | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                payment_date: string | null;
                                /** @description hryvnias */
                                amount: number;
                            }[];
                            corrections: {
                                id: number;
                                first_name: string | null;
                                middle_name: string | null;
                                last_name: string | null;
                                /**
                                 * @description dd.mm.yyyy
                                 * @example 24.08.2024
                                 */
                                birth_date: string | null;
                                /**
                                 * @description dd.mm.yyyy
                                 * @example 24.08.2024
                                 */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/member/generate_certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A new certificate number: unique and increasing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A new certificate number, as text */
                            data: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A member's file: a document, the photo, or a receipt of one of their requests
         * @description The file, with its stored type; 404 `{status, message}` when it is none of that member’s files.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        user_id?: number | null;
                        filename: string;
                    };
                };
            };
            responses: {
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/png": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/heic": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "application/pdf": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/png": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/heic": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "application/pdf": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            status: string;
                            message: string;
                        };
                        "image/png": {
                            status: string;
                            message: string;
                        };
                        "image/heic": {
                            status: string;
                            message: string;
                        };
                        "application/pdf": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/png": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/heic": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "application/pdf": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every program, active or not */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            data: {
                                id: number;
                                program_name: string;
                                /** @description The full URL of the terms document */
                                program_file: string | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                created_by: {
                                    id: number;
                                    login: string;
                                    name: string;
                                    email: string | null;
                                    phone: string | null;
                                    is_active: number;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                } | null;
                                updated_by: {
                                    id: number;
                                    login: string;
                                    name: string;
                                    email: string | null;
                                    phone: string | null;
                                    is_active: number;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                } | null;
                                /** @description hryvnias */
                                month_price: number;
                                is_active: number;
                                program_id: number;
                            }[];
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/program": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create a program (no `id`) or change one
         * @description multipart/form-data with the terms in `new_program_file` (a PDF), or JSON without a file. Administrators only. 415 terms that are no PDF; 422 a PDF with scripts, attachments or web page code.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        id?: number;
                        program_name?: string;
                        /** @description hryvnias, at most 2 decimals */
                        month_price?: number | string;
                        is_active?: boolean;
                        /**
                         * Format: binary
                         * @description The terms, a PDF
                         */
                        new_program_file?: string;
                    };
                    "application/json": {
                        id?: number;
                        program_name?: string;
                        /** @description hryvnias, at most 2 decimals */
                        month_price?: number | string;
                        is_active?: boolean;
                        /**
                         * Format: binary
                         * @description The terms, a PDF
                         */
                        new_program_file?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                            data: {
                                id: number;
                                program_name: string;
                                /** @description The full URL of the terms document */
                                program_file: string | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                created_by: {
                                    id: number;
                                    login: string;
                                    name: string;
                                    email: string | null;
                                    phone: string | null;
                                    is_active: number;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                } | null;
                                updated_by: {
                                    id: number;
                                    login: string;
                                    name: string;
                                    email: string | null;
                                    phone: string | null;
                                    is_active: number;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                } | null;
                                /** @description hryvnias */
                                month_price: number;
                                is_active: number;
                                program_id: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * One program
         * @description 404 when there is no such program.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            data: {
                                id: number;
                                program_name: string;
                                /** @description The full URL of the terms document */
                                program_file: string | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                created_by: {
                                    id: number;
                                    login: string;
                                    name: string;
                                    email: string | null;
                                    phone: string | null;
                                    is_active: number;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                } | null;
                                updated_by: {
                                    id: number;
                                    login: string;
                                    name: string;
                                    email: string | null;
                                    phone: string | null;
                                    is_active: number;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                } | null;
                                /** @description hryvnias */
                                month_price: number;
                                is_active: number;
                                program_id: number;
                            };
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/program/{filename}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A program's terms document (public, as members read it before joining)
         * @description Where a program row's `program_file` URL points; 404 `{status, message}` for another name.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    filename: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Members' requests, latest changed first
         * @description Filters combine with AND: every word of `query` in the member’s name, tax number or certificate; the statuses (`opened` when omitted); the days of the last change, Kyiv time, both included. Without `limit`, every match up to 10000 (the seed never paged this list).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Words of the member’s name, tax number or certificate */
                        query?: string | null;
                        /** @description dd.mm.yyyy (or yyyy-mm-dd) */
                        date_start?: string | null;
                        /** @description dd.mm.yyyy (or yyyy-mm-dd) */
                        date_end?: string | null;
                        /**
                         * @default [
                         *       "opened"
                         *     ]
                         */
                        status?: ("opened" | "awaiting_agent" | "awaiting_client" | "closed")[];
                        /** @description a page of this many; without it, every match up to 10000 */
                        limit?: number;
                        offset?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                request_text: string;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                /** @description hryvnias granted */
                                suma: number;
                                status: {
                                    id: number;
                                    name: string;
                                    alias: string;
                                };
                                diagnos: string | null;
                                /**
                                 * @description dd.mm.yyyy
                                 * @example 24.08.2024
                                 */
                                created_at: string;
                                /**
                                 * @description dd.mm.yyyy
                                 * @example 24.08.2024
                                 */
                                updated_at: string;
                            }[];
                            /** @description how many match (a lower bound when total_exact is false) */
                            total: number;
                            /** @description false: more than `total` match */
                            total_exact: boolean;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the diagnosis, the granted amount or the request text
         * @description 404 `Запит не знайдено` for an unknown request; 409 "Reopen the request to change it" when it is closed. `member` is not needed.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: number;
                        request_text?: string;
                        diagnos?: string;
                        /** @description hryvnias, at most 2 decimals */
                        suma?: number | string;
                        member?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * One request: the conversation with internal notes, files, payouts, warnings
         * @description 404 `Вказаний запит не знайдено` for an unknown request. `member` is not needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        request: number;
                        member?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                request_text: string;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                /** @description hryvnias granted */
                                suma: number;
                                status: {
                                    id: number;
                                    name: string;
                                    alias: string;
                                };
                                diagnos: string | null;
                                /**
                                 * @description dd.mm.yy
                                 * @example 05.03.24
                                 */
                                created_at: string;
                                /**
                                 * @description dd.mm.yyyy
                                 * @example 24.08.2024
                                 */
                                updated_at: string;
                                /** @description oldest first, staff notes included */
                                messages: {
                                    id: number;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    message: string;
                                    request: {
                                        id: number;
                                        request_text: string;
                                        member: {
                                            id: number;
                                            first_name: string | null;
                                            middle_name: string | null;
                                            last_name: string | null;
                                            phone: string;
                                            email: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            birth_date: string | null;
                                            passport_data: string | null;
                                            inn: string | null;
                                            actual_iban: string | null;
                                            photo: string | null;
                                            diia_answer: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            created_at: string;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            updated_at: string;
                                            certificate: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            expiration_date: string | null;
                                            has_new_request: number;
                                            is_active: boolean;
                                            is_submited: boolean;
                                            has_new_program_change: boolean;
                                            has_new_passport_data: boolean;
                                        };
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        /** @description hryvnias granted */
                                        suma: number;
                                        status: {
                                            id: number;
                                            name: string;
                                            alias: string;
                                        };
                                        diagnos: string | null;
                                    };
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    } | null;
                                    user: {
                                        id: number;
                                        login: string;
                                        name: string;
                                        email: string | null;
                                        phone: string | null;
                                        is_active: number;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                    } | null;
                                    /** @description a staff note the member never sees */
                                    internal: boolean;
                                }[];
                                files: {
                                    id: number;
                                    filename: string;
                                    request: {
                                        id: number;
                                        request_text: string;
                                        member: {
                                            id: number;
                                            first_name: string | null;
                                            middle_name: string | null;
                                            last_name: string | null;
                                            phone: string;
                                            email: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            birth_date: string | null;
                                            passport_data: string | null;
                                            inn: string | null;
                                            actual_iban: string | null;
                                            photo: string | null;
                                            diia_answer: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            created_at: string;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            updated_at: string;
                                            certificate: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            expiration_date: string | null;
                                            has_new_request: number;
                                            is_active: boolean;
                                            is_submited: boolean;
                                            has_new_program_change: boolean;
                                            has_new_passport_data: boolean;
                                        };
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        /** @description hryvnias granted */
                                        suma: number;
                                        status: {
                                            id: number;
                                            name: string;
                                            alias: string;
                                        };
                                        diagnos: string | null;
                                    } | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    } | null;
                                }[];
                                /** @description payouts for the request, and their reversals */
                                charges: {
                                    id: number;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    iban: string | null;
                                    payment_type: {
                                        id: number;
                                        name: string;
                                    };
                                    payment_identifier: string | null;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    };
                                    request: {
                                        id: number;
                                        request_text: string;
                                        member: {
                                            id: number;
                                            first_name: string | null;
                                            middle_name: string | null;
                                            last_name: string | null;
                                            phone: string;
                                            email: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            birth_date: string | null;
                                            passport_data: string | null;
                                            inn: string | null;
                                            actual_iban: string | null;
                                            photo: string | null;
                                            diia_answer: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            created_at: string;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            updated_at: string;
                                            certificate: string | null;
                                            /**
                                             * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                             * @example Tue, 05 Mar 2024 12:00:00 GMT
                                             */
                                            expiration_date: string | null;
                                            has_new_request: number;
                                            is_active: boolean;
                                            is_submited: boolean;
                                            has_new_program_change: boolean;
                                            has_new_passport_data: boolean;
                                        };
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        /** @description hryvnias granted */
                                        suma: number;
                                        status: {
                                            id: number;
                                            name: string;
                                            alias: string;
                                        };
                                        diagnos: string | null;
                                    } | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    payment_date: string | null;
                                    /** @description hryvnias */
                                    amount: number;
                                    member_id: number;
                                    request_id: number | null;
                                    /** @enum {unknown} */
                                    state: "pending" | "confirmed" | "failed" | "reversed" | "flagged";
                                    /** @description `liqpay` or `manual` (entered by staff) */
                                    source: string;
                                    /** @description the LiqPay order (also `payment_identifier`) */
                                    order_id: string | null;
                                    /** @description the payment this entry reverses */
                                    reverses: number | null;
                                    /** @description why a LiqPay report was not credited */
                                    flag: string | null;
                                    note: string | null;
                                    /** @description the staff user who entered it */
                                    recorded_by: number | null;
                                }[];
                                /** @description the payout types (`type` of PUT /payment) */
                                types: {
                                    id: number;
                                    name: string;
                                }[];
                                /** @description hryvnias paid out so far */
                                paid: number;
                                /** @description warnings for the reviewer: duplicate receipts, an unusual amount */
                                flags: {
                                    duplicate_files: {
                                        filename: string;
                                        request_ids: number[];
                                    }[];
                                    unusual_amount: {
                                        /** @description hryvnias */
                                        granted: number;
                                        /** @description hryvnias */
                                        usual_max: number;
                                        note: string;
                                    } | null;
                                };
                            };
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request/message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the member, or leave an internal note
         * @description An answer makes the request wait for the member (`awaiting_client`); an internal note (`internal: true`) is for staff only and changes nothing. 404 `Запит не знайдено` for an unknown request; 409 for an answer on a closed request.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        request_id: number;
                        message: string;
                        internal?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        request_id: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed request; it then waits for staff */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        request_id: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request/{id}/files/{filename}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of a request's files */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    filename: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/png": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/heic": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "application/pdf": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/png": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/heic": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "application/pdf": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/png": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "image/heic": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                        "application/pdf": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record a payment by hand: a contribution from another source, or a payout for a request
         * @description A contribution (type 1) extends the membership as one through LiqPay does. A payout (type 2, the whole rest of what was granted) or a partial payout (type 3) needs its `request`; payouts never add up to more than the granted amount (409 says what is left). A contribution needs the member's program to price it (409 until they have chosen one). Nothing is ever edited: a mistake is corrected by POST /payment/reverse.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        member: number;
                        /** @description 1: Поповнення; 2: Відшкодування; 3: Часткове відшкодування */
                        type: number;
                        request?: number | null;
                        /** @description dd.mm.yyyy (or yyyy-mm-dd) */
                        date: string;
                        /** @description hryvnias, at most 2 decimals */
                        amount: number | string;
                        /** @description a payout's account; the member's IBAN when left out */
                        iban?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                            data: {
                                id: number;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                iban: string | null;
                                payment_type: {
                                    id: number;
                                    name: string;
                                };
                                payment_identifier: string | null;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                request: {
                                    id: number;
                                    request_text: string;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    };
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    /** @description hryvnias granted */
                                    suma: number;
                                    status: {
                                        id: number;
                                        name: string;
                                        alias: string;
                                    };
                                    diagnos: string | null;
                                } | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                payment_date: string | null;
                                /** @description hryvnias */
                                amount: number;
                                member_id: number;
                                request_id: number | null;
                                /** @enum {unknown} */
                                state: "pending" | "confirmed" | "failed" | "reversed" | "flagged";
                                /** @description `liqpay` or `manual` (entered by staff) */
                                source: string;
                                /** @description the LiqPay order (also `payment_identifier`) */
                                order_id: string | null;
                                /** @description the payment this entry reverses */
                                reverses: number | null;
                                /** @description why a LiqPay report was not credited */
                                flag: string | null;
                                note: string | null;
                                /** @description the staff user who entered it */
                                recorded_by: number | null;
                            };
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct a mistaken manual entry with a reversing one
         * @description The reversing entry has the amount negated and today’s date; a contribution’s days are taken back, a payout stops counting against the grant. 409 when already reversed, or for LiqPay money (refund it instead).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payment: number;
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                            data: {
                                id: number;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                iban: string | null;
                                payment_type: {
                                    id: number;
                                    name: string;
                                };
                                payment_identifier: string | null;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                request: {
                                    id: number;
                                    request_text: string;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    };
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    /** @description hryvnias granted */
                                    suma: number;
                                    status: {
                                        id: number;
                                        name: string;
                                        alias: string;
                                    };
                                    diagnos: string | null;
                                } | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                payment_date: string | null;
                                /** @description hryvnias */
                                amount: number;
                                member_id: number;
                                request_id: number | null;
                                /** @enum {unknown} */
                                state: "pending" | "confirmed" | "failed" | "reversed" | "flagged";
                                /** @description `liqpay` or `manual` (entered by staff) */
                                source: string;
                                /** @description the LiqPay order (also `payment_identifier`) */
                                order_id: string | null;
                                /** @description the payment this entry reverses */
                                reverses: number | null;
                                /** @description why a LiqPay report was not credited */
                                flag: string | null;
                                note: string | null;
                                /** @description the staff user who entered it */
                                recorded_by: number | null;
                            };
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The payment register, latest first
         * @description Filters combine with AND: the types, the states, the days the money moved (Kyiv, both included), the amount range in hryvnias (both included), the member’s certificate (its words), and `flagged` for the money waiting for a decision.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        type?: number[] | null;
                        state?: ("pending" | "confirmed" | "failed" | "reversed" | "flagged")[];
                        /** @description true: only payments waiting for a decision (`flag` says why: not as ordered, or a contribution from a member with no program to price it); false: only the others */
                        flagged?: boolean;
                        /** @description dd.mm.yyyy (or yyyy-mm-dd) */
                        date_start?: string | null;
                        /** @description dd.mm.yyyy (or yyyy-mm-dd) */
                        date_end?: string | null;
                        amount_start?: (number | string) | (never | null);
                        amount_end?: (number | string) | (never | null);
                        certificate?: string | null;
                        offset?: number;
                        limit?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            data: {
                                id: number;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                created_at: string;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                updated_at: string;
                                iban: string | null;
                                payment_type: {
                                    id: number;
                                    name: string;
                                };
                                payment_identifier: string | null;
                                member: {
                                    id: number;
                                    first_name: string | null;
                                    middle_name: string | null;
                                    last_name: string | null;
                                    phone: string;
                                    email: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    birth_date: string | null;
                                    passport_data: string | null;
                                    inn: string | null;
                                    actual_iban: string | null;
                                    photo: string | null;
                                    diia_answer: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    certificate: string | null;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    expiration_date: string | null;
                                    has_new_request: number;
                                    is_active: boolean;
                                    is_submited: boolean;
                                    has_new_program_change: boolean;
                                    has_new_passport_data: boolean;
                                };
                                request: {
                                    id: number;
                                    request_text: string;
                                    member: {
                                        id: number;
                                        first_name: string | null;
                                        middle_name: string | null;
                                        last_name: string | null;
                                        phone: string;
                                        email: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        birth_date: string | null;
                                        passport_data: string | null;
                                        inn: string | null;
                                        actual_iban: string | null;
                                        photo: string | null;
                                        diia_answer: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        created_at: string;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        updated_at: string;
                                        certificate: string | null;
                                        /**
                                         * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                         * @example Tue, 05 Mar 2024 12:00:00 GMT
                                         */
                                        expiration_date: string | null;
                                        has_new_request: number;
                                        is_active: boolean;
                                        is_submited: boolean;
                                        has_new_program_change: boolean;
                                        has_new_passport_data: boolean;
                                    };
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    created_at: string;
                                    /**
                                     * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                     * @example Tue, 05 Mar 2024 12:00:00 GMT
                                     */
                                    updated_at: string;
                                    /** @description hryvnias granted */
                                    suma: number;
                                    status: {
                                        id: number;
                                        name: string;
                                        alias: string;
                                    };
                                    diagnos: string | null;
                                } | null;
                                /**
                                 * @description RFC 1123, UTC (Flask's jsonify of a datetime)
                                 * @example Tue, 05 Mar 2024 12:00:00 GMT
                                 */
                                payment_date: string | null;
                                /** @description hryvnias */
                                amount: number;
                                member_id: number;
                                request_id: number | null;
                                /** @enum {unknown} */
                                state: "pending" | "confirmed" | "failed" | "reversed" | "flagged";
                                /** @description `liqpay` or `manual` (entered by staff) */
                                source: string;
                                /** @description the LiqPay order (also `payment_identifier`) */
                                order_id: string | null;
                                /** @description the payment this entry reverses */
                                reverses: number | null;
                                /** @description why a LiqPay report was not credited */
                                flag: string | null;
                                note: string | null;
                                /** @description the staff user who entered it */
                                recorded_by: number | null;
                            }[];
                            /** @description how many match in all */
                            total: number;
                            /** @description UAH: the amounts of all that match, reversing entries netted */
                            sum: number;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Return a LiqPay contribution to the member’s card (administrators)
         * @description LiqPay returns the whole payment; the payment is then refunded in the register and the membership shortened by the days it added. 404 unknown payment; 409 for anything but a confirmed LiqPay contribution (a manual entry or a payout is reversed instead); 422 when LiqPay refuses, with its reason; 503 when LiqPay cannot be reached (nothing changes).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payment: number;
                        /** @description kept with the payment */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            message: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/rejected-callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * LiqPay callbacks refused and not kept, counted per Kyiv day and reason
         * @description `bad_signature`: not signed with the fund’s key; `oversized`: larger than the callback form allows; `malformed`: not the form. Many from LiqPay itself would mean a wrong key or a changed format (checkouts are still credited by the reconciliation with LiqPay’s status API). The days from `date_start` to `date_end` (both included); the last 31 when not given. Latest first.
         */
        get: {
            parameters: {
                query?: {
                    /** @description dd.mm.yyyy (or yyyy-mm-dd) */
                    date_start?: string;
                    /** @description dd.mm.yyyy (or yyyy-mm-dd) */
                    date_end?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "success";
                            data: {
                                /**
                                 * Format: date
                                 * @description a Kyiv calendar day, YYYY-MM-DD
                                 */
                                day: string;
                                /** @enum {unknown} */
                                reason: "bad_signature" | "oversized" | "malformed";
                                count: number;
                                /** Format: date-time */
                                first_at: string;
                                /** Format: date-time */
                                last_at: string;
                                /** @description characters of `data` */
                                last_data_length: number | null;
                                /** @description SHA-256 of `data` as received, hex */
                                last_data_sha256: string | null;
                            }[];
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members by state, contributions today and this month, requests by status, failing deliveries
         * @description Days are Kyiv's: 'today' starts at midnight in Kyiv. A member counts in one state: blocked; signed up without a profile; waiting for review; or, once approved, active (paid up to today or later), lapsed, or never paid. Contribution sums net reversing entries. Deliveries are outbound webhooks failing and waiting to retry, or dead until an administrator replays them.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "success";
                            data: {
                                members: {
                                    blocked: number;
                                    /** @description signed in, no profile sent yet */
                                    signed_up: number;
                                    /** @description profile sent, not approved yet */
                                    waiting_review: number;
                                    active: number;
                                    lapsed: number;
                                    never_paid: number;
                                    total: number;
                                };
                                contributions: {
                                    today: {
                                        count: number;
                                        /** @description UAH, two decimals at most */
                                        sum: number;
                                        /** @description dd.mm.yyyy (Kyiv) */
                                        since: string;
                                    };
                                    month: {
                                        count: number;
                                        /** @description UAH, two decimals at most */
                                        sum: number;
                                        /** @description dd.mm.yyyy (Kyiv) */
                                        since: string;
                                    };
                                    /** @description Each of the last 30 Kyiv days, today last; days without contributions as zeros */
                                    days: {
                                        /** @description dd.mm.yyyy (Kyiv) */
                                        day: string;
                                        count: number;
                                        /** @description UAH, two decimals at most */
                                        sum: number;
                                    }[];
                                };
                                requests: {
                                    opened: number;
                                    awaiting_agent: number;
                                    awaiting_client: number;
                                    closed: number;
                                };
                                deliveries: {
                                    /** @description failed at least once, waiting for the next attempt */
                                    retrying: number;
                                    /** @description gave up: in the dead-letter list until replayed */
                                    dead: number;
                                    disabled_subscribers: number;
                                };
                                /** Format: date-time */
                                as_of: string;
                            };
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log (administrators)
         * @description Latest occurred first. Filters combine with AND: `object` (`payment:42`, or a kind), `member` (every event that concerns the member: their whole story), `actor` (`staff:3`, or a kind), `type` (event types), and `from`/`to` (ISO timestamps with a zone, or Kyiv days dd.mm.yyyy, both included). Events keep ids and the names of what changed, never the values. 403 unless the caller is an administrator.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `kind:id` for one object (`payment:42`), or a kind for all of it: member, staff_user, sign_request, program, payment, subscription, request, probe, import */
                    object?: string;
                    /** @description every event that concerns this member */
                    member?: number;
                    /** @description `kind:id` for one actor (`staff:3`, `member:7`), or a kind: member, staff, system, provider */
                    actor?: string;
                    /** @description event types (`payment.confirmed`); `?type=a&type=b` in a query string */
                    type?: string[];
                    /** @description an ISO timestamp with its zone (2026-08-24T09:30:00Z, …+03:00), or a Kyiv day dd.mm.yyyy; included */
                    from?: string;
                    /** @description an ISO timestamp with its zone (2026-08-24T09:30:00Z, …+03:00), or a Kyiv day dd.mm.yyyy; included (a day: all of it) */
                    to?: string;
                    /** @description 0 when left out */
                    offset?: number;
                    /** @description 50 when left out */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            data: {
                                /** @description the position in the chain, from 1 */
                                sequence: number;
                                event_id: string;
                                /** @description the event type, e.g. `payment.confirmed` */
                                type: string;
                                version: number;
                                object: {
                                    kind: string;
                                    /** @description null when the event named it by something other than an id */
                                    id: string | null;
                                };
                                /** @description the member the event concerns, when it names one */
                                member_id: number | null;
                                actor: {
                                    kind: "member" | "staff" | "system" | "provider";
                                    id: string | null;
                                };
                                /** @description the names of what the event says changed, never values */
                                fields: string[];
                                /**
                                 * Format: date-time
                                 * @description when it happened (UTC)
                                 */
                                occurred_at: string;
                                /**
                                 * Format: date-time
                                 * @description when the trail recorded it (UTC)
                                 */
                                recorded_at: string;
                                previous_hash: string;
                                hash: string;
                                verification?: {
                                    /** @description the stored hash is the hash of what the row says */
                                    hash_matches: boolean;
                                    /** @description previous_hash is the hash of the event before (or the chain's start) */
                                    follows_previous: boolean;
                                };
                                /** @description when it happened, Kyiv time: dd.mm.yyyy HH:MM:SS */
                                occurred_kyiv: string;
                            }[];
                            total: number;
                            /** @description false: more than `total` match */
                            total_exact: boolean;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * The audit log, filters in the body (administrators)
         * @description Latest occurred first. Filters combine with AND: `object` (`payment:42`, or a kind), `member` (every event that concerns the member: their whole story), `actor` (`staff:3`, or a kind), `type` (event types), and `from`/`to` (ISO timestamps with a zone, or Kyiv days dd.mm.yyyy, both included). Events keep ids and the names of what changed, never the values. 403 unless the caller is an administrator.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description `kind:id` for one object (`payment:42`), or a kind for all of it: member, staff_user, sign_request, program, payment, subscription, request, probe, import */
                        object?: string | null;
                        /** @description every event that concerns this member */
                        member?: number | null;
                        /** @description `kind:id` for one actor (`staff:3`, `member:7`), or a kind: member, staff, system, provider */
                        actor?: string | null;
                        /** @description event types (`payment.confirmed`); `?type=a&type=b` in a query string */
                        type?: string[] | null;
                        /** @description an ISO timestamp with its zone (2026-08-24T09:30:00Z, …+03:00), or a Kyiv day dd.mm.yyyy; included */
                        from?: string | null;
                        /** @description an ISO timestamp with its zone (2026-08-24T09:30:00Z, …+03:00), or a Kyiv day dd.mm.yyyy; included (a day: all of it) */
                        to?: string | null;
                        /** @description 0 when left out */
                        offset?: number | null;
                        /** @description 50 when left out */
                        limit?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            data: {
                                /** @description the position in the chain, from 1 */
                                sequence: number;
                                event_id: string;
                                /** @description the event type, e.g. `payment.confirmed` */
                                type: string;
                                version: number;
                                object: {
                                    kind: string;
                                    /** @description null when the event named it by something other than an id */
                                    id: string | null;
                                };
                                /** @description the member the event concerns, when it names one */
                                member_id: number | null;
                                actor: {
                                    kind: "member" | "staff" | "system" | "provider";
                                    id: string | null;
                                };
                                /** @description the names of what the event says changed, never values */
                                fields: string[];
                                /**
                                 * Format: date-time
                                 * @description when it happened (UTC)
                                 */
                                occurred_at: string;
                                /**
                                 * Format: date-time
                                 * @description when the trail recorded it (UTC)
                                 */
                                recorded_at: string;
                                previous_hash: string;
                                hash: string;
                                verification?: {
                                    /** @description the stored hash is the hash of what the row says */
                                    hash_matches: boolean;
                                    /** @description previous_hash is the hash of the event before (or the chain's start) */
                                    follows_previous: boolean;
                                };
                                /** @description when it happened, Kyiv time: dd.mm.yyyy HH:MM:SS */
                                occurred_kyiv: string;
                            }[];
                            total: number;
                            /** @description false: more than `total` match */
                            total_exact: boolean;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The whole audit chain verified (administrators)
         * @description Every event walked in order and its hash recomputed, as `./kasa audit-verify` does: intact up to its head, or the first position that breaks it and why.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "success";
                            data: {
                                intact: boolean;
                                /** @description entries that hold, in order, before any break */
                                count: number;
                                /** @description the last entry, when the chain is intact */
                                head: {
                                    sequence: number;
                                    hash: string;
                                } | null;
                                /** @description the first entry that cannot be trusted, when it is not */
                                break: {
                                    position: number;
                                    reason: "missing" | "unlinked" | "altered" | "head";
                                    detail: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/{sequence}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One audit event, its hash checked (administrators)
         * @description Whether the event still hashes to what it stores and links to the one before. 404 when no event has that position. The whole chain is proved by `./kasa audit-verify`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sequence: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            data: {
                                /** @description the position in the chain, from 1 */
                                sequence: number;
                                event_id: string;
                                /** @description the event type, e.g. `payment.confirmed` */
                                type: string;
                                version: number;
                                object: {
                                    kind: string;
                                    /** @description null when the event named it by something other than an id */
                                    id: string | null;
                                };
                                /** @description the member the event concerns, when it names one */
                                member_id: number | null;
                                actor: {
                                    kind: "member" | "staff" | "system" | "provider";
                                    id: string | null;
                                };
                                /** @description the names of what the event says changed, never values */
                                fields: string[];
                                /**
                                 * Format: date-time
                                 * @description when it happened (UTC)
                                 */
                                occurred_at: string;
                                /**
                                 * Format: date-time
                                 * @description when the trail recorded it (UTC)
                                 */
                                recorded_at: string;
                                previous_hash: string;
                                hash: string;
                                verification?: {
                                    /** @description the stored hash is the hash of what the row says */
                                    hash_matches: boolean;
                                    /** @description previous_hash is the hash of the event before (or the chain's start) */
                                    follows_previous: boolean;
                                };
                                /** @description when it happened, Kyiv time: dd.mm.yyyy HH:MM:SS */
                                occurred_kyiv: string;
                            };
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event types a subscriber can receive
         * @description Events carrying secrets (sign-in codes) never leave Kasa and are not among them.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: string[];
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook subscriber (without secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                url: string;
                                description: string | null;
                                event_types: string[];
                                enabled: boolean;
                                disabled_reason: ("gone" | "administrator") | (never | null);
                                /** Format: date-time */
                                disabled_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a webhook subscriber; its secret is shown in this answer only
         * @description Each event is POSTed as its JSON envelope with `X-Data-Hash` = hex(sha512(body + secret)) and the Standard Webhooks headers `webhook-id` (the event id, the same on every attempt), `webhook-timestamp` and `webhook-signature` (v1, HMAC-SHA256 of `id.timestamp.body`). A 2xx within 15 s is a delivery; anything else is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (Retry-After honoured), then the delivery is dead; 410 Gone disables the subscriber. Deliveries of one object go out in order. 422 when the URL is not http(s), carries a user name or password, cannot be resolved, or is or resolves to a private, loopback, link-local or other non-public address (in any mode, unless the notification service's WEBHOOK_ALLOWED_TARGETS opens it); or when a given secret is unusable.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http or https; its host must be or resolve to public addresses only (in every mode), unless the notification service allows the target in WEBHOOK_ALLOWED_TARGETS */
                        url: string;
                        description?: string;
                        event_types: ("auth.member_signed_up" | "staff.password_changed" | "staff.signin_locked" | "staff.user_blocked" | "staff.user_created" | "staff.user_deleted" | "staff.user_updated" | "member.certificate_assigned" | "membership.contribution_awaiting_program" | "member.correction_requested" | "member.documents_uploaded" | "member.approved" | "member.blocked" | "member.unblocked" | "member.updated" | "membership.extended" | "membership.reminder_due" | "membership.shortened" | "member.phone_changed" | "member.profile_submitted" | "member.program_change_requested" | "program.saved" | "request.assessed" | "request.files_added" | "request.message_posted" | "request.opened" | "request.status_changed" | "payment.checkout_created" | "payment.confirmed" | "payment.failed" | "payment.flagged" | "payment.refunded" | "payout.recorded" | "payout.reversed" | "subscription.ended" | "subscription.started" | "*")[];
                        /** @default true */
                        enabled?: boolean;
                        /** @description an existing receiver’s secret: 16 to 200 printable characters, or whsec_ and base64 of 24+ bytes; generated (whsec_…) when left out */
                        secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriber: {
                                id: number;
                                url: string;
                                description: string | null;
                                event_types: string[];
                                enabled: boolean;
                                disabled_reason: ("gone" | "administrator") | (never | null);
                                /** Format: date-time */
                                disabled_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            /** @description shown this once: keep it, it is never shown again */
                            secret: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries that failed every attempt, latest first
         * @description A dead delivery no longer holds back the later events of its object. Replay it, or all of a subscriber’s, once the receiver works again.
         */
        get: {
            parameters: {
                query: {
                    subscriber_id?: number;
                    /** @description the `next_before` of the previous page: only ids below it */
                    before?: number;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                subscriber_id: number;
                                event_id: string;
                                event_type: string;
                                object: string;
                                /** Format: date-time */
                                occurred_at: string;
                                /** @description pending: to be sent or retried; paused: its subscriber is disabled */
                                status: "pending" | "delivered" | "dead" | "paused";
                                attempts: number;
                                /** Format: date-time */
                                next_attempt_at: string | null;
                                last_status: number | null;
                                last_error: string | null;
                                /** Format: date-time */
                                last_attempt_at: string | null;
                                /** Format: date-time */
                                delivered_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_before: number | null;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery: the event as sent and every attempt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delivery: {
                                id: number;
                                subscriber_id: number;
                                event_id: string;
                                event_type: string;
                                object: string;
                                /** Format: date-time */
                                occurred_at: string;
                                /** @description pending: to be sent or retried; paused: its subscriber is disabled */
                                status: "pending" | "delivered" | "dead" | "paused";
                                attempts: number;
                                /** Format: date-time */
                                next_attempt_at: string | null;
                                last_status: number | null;
                                last_error: string | null;
                                /** Format: date-time */
                                last_attempt_at: string | null;
                                /** Format: date-time */
                                delivered_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            };
                            /** @description the event envelope, as POSTed */
                            payload: unknown;
                            attempts: {
                                id: number;
                                delivery_id: number;
                                /** Format: date-time */
                                attempted_at: string;
                                duration_ms: number;
                                status_code: number | null;
                                error: string | null;
                                /** @description the first kilobyte of the answer */
                                response_excerpt: string | null;
                            }[];
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead delivery again
         * @description Due at once, with the retry schedule started over; it arrives after the later events of its object that went meanwhile. 409 when it is not dead, or its subscriber is disabled.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replayed: number;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook subscriber (without its secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            description: string | null;
                            event_types: string[];
                            enabled: boolean;
                            disabled_reason: ("gone" | "administrator") | (never | null);
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a webhook subscriber with its pending deliveries and its log
         * @description Pending deliveries are dropped unsent. To stop deliveries for a while, disable it instead.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a webhook subscriber: URL, event types, description, enabled
         * @description Fields left out stay. Disabling pauses its pending deliveries (nothing new is recorded for it meanwhile); enabling sends the paused ones, in order. A new URL is checked as on registration (422) and applies to pending deliveries too.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http or https; its host must be or resolve to public addresses only (in every mode), unless the notification service allows the target in WEBHOOK_ALLOWED_TARGETS */
                        url?: string;
                        description?: string | null;
                        event_types?: ("auth.member_signed_up" | "staff.password_changed" | "staff.signin_locked" | "staff.user_blocked" | "staff.user_created" | "staff.user_deleted" | "staff.user_updated" | "member.certificate_assigned" | "membership.contribution_awaiting_program" | "member.correction_requested" | "member.documents_uploaded" | "member.approved" | "member.blocked" | "member.unblocked" | "member.updated" | "membership.extended" | "membership.reminder_due" | "membership.shortened" | "member.phone_changed" | "member.profile_submitted" | "member.program_change_requested" | "program.saved" | "request.assessed" | "request.files_added" | "request.message_posted" | "request.opened" | "request.status_changed" | "payment.checkout_created" | "payment.confirmed" | "payment.failed" | "payment.flagged" | "payment.refunded" | "payout.recorded" | "payout.reversed" | "subscription.ended" | "subscription.started" | "*")[];
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            description: string | null;
                            event_types: string[];
                            enabled: boolean;
                            disabled_reason: ("gone" | "administrator") | (never | null);
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a subscriber a new secret, shown in this answer only
         * @description The next attempt is signed with it; the old secret stops working at once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description an existing receiver’s secret: 16 to 200 printable characters, or whsec_ and base64 of 24+ bytes; generated (whsec_…) when left out */
                        secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriber: {
                                id: number;
                                url: string;
                                description: string | null;
                                event_types: string[];
                                enabled: boolean;
                                disabled_reason: ("gone" | "administrator") | (never | null);
                                /** Format: date-time */
                                disabled_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            /** @description shown this once: keep it, it is never shown again */
                            secret: string;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscriber’s deliveries, latest first */
        get: {
            parameters: {
                query: {
                    status?: ("pending" | "delivered" | "dead" | "paused")[];
                    /** @description the `next_before` of the previous page: only ids below it */
                    before?: number;
                    limit: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                subscriber_id: number;
                                event_id: string;
                                event_type: string;
                                object: string;
                                /** Format: date-time */
                                occurred_at: string;
                                /** @description pending: to be sent or retried; paused: its subscriber is disabled */
                                status: "pending" | "delivered" | "dead" | "paused";
                                attempts: number;
                                /** Format: date-time */
                                next_attempt_at: string | null;
                                last_status: number | null;
                                last_error: string | null;
                                /** Format: date-time */
                                last_attempt_at: string | null;
                                /** Format: date-time */
                                delivered_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_before: number | null;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every attempt to reach a subscriber, latest first
         * @description Each with its status, duration, the first kilobyte of the answer (which may hold what the receiver echoed back) or why there was none.
         */
        get: {
            parameters: {
                query: {
                    /** @description the `next_before` of the previous page: only ids below it */
                    before?: number;
                    limit: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                delivery_id: number;
                                /** Format: date-time */
                                attempted_at: string;
                                duration_ms: number;
                                status_code: number | null;
                                error: string | null;
                                /** @description the first kilobyte of the answer */
                                response_excerpt: string | null;
                            }[];
                            next_before: number | null;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send every dead delivery of a subscriber again
         * @description As replaying each one; how many there were. 409 while the subscriber is disabled.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replayed: number;
                        };
                    };
                };
                /** @description The input is not valid; the message names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description The token is missing, invalid, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The staff console (an HTML page; its screens use this API)
         * @description 404 until the console is built (`pnpm --filter @kasa/console build`; `./kasa run` builds it when it's missing).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A service or database it needs is down; try again after Retry-After seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "error";
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An error; `status` is absent on the few seed routes that omit it */
        ErrorEnvelope: {
            /** @enum {string} */
            status?: "error";
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
