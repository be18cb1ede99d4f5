/// The OpenAPI 3.1 description of the service, served at `/openapi.yaml`.
enum OpenAPIDocument {
    static let yaml = #"""
        openapi: 3.1.0
        info:
          title: Reprint
          version: 0.1.0
          description: |
            Text reuse over HTTP: compare two texts, index documents and match new ones against
            them, list reuse and story clusters. Passage offsets are half-open Unicode-scalar
            (code point) offsets into the texts as sent. Writes need the server's API key.
        servers:
          - url: http://127.0.0.1:8080
        components:
          securitySchemes:
            apiKey:
              type: http
              scheme: bearer
          responses:
            BadRequest:
              description: Malformed JSON, or a field missing, empty or of the wrong type (`field` names it).
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            Unauthorized:
              description: The API key is missing or wrong (or the server has none, so writes are disabled).
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            NotFound:
              description: No stored document has this id.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            TooLarge:
              description: The body is larger than the server's --max-body-bytes.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
          requestBodies:
            Document:
              required: true
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/DocumentRequest" }
          parameters:
            DocumentID:
              name: id
              in: path
              required: true
              schema: { type: string }
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error: { type: string, description: "What went wrong and what to do about it." }
                field: { type: string, description: "The request field at fault." }
            Relation:
              type: string
              enum: [identical, near-duplicate, excerpt, edited-copy, paraphrase, same-story, unrelated]
            Sides:
              type: object
              required: [a, b]
              properties:
                a: { type: number }
                b: { type: number }
            Passage:
              type: object
              required: [kind, a, b]
              properties:
                kind: { type: string, enum: [verbatim, paraphrase] }
                a: { type: array, items: { type: integer }, minItems: 2, maxItems: 2, description: "[start, end) in a" }
                b: { type: array, items: { type: integer }, minItems: 2, maxItems: 2, description: "[start, end) in b" }
            Pair:
              type: object
              required: [a, b, relation, resemblance, containment, coverage, verbatim_coverage, exact_share, changed_words, sentence_similarity, topic_similarity, passages]
              properties:
                a: { type: string }
                b: { type: string }
                relation: { $ref: "#/components/schemas/Relation" }
                resemblance: { type: number, description: "Jaccard similarity of the word 5-gram sets." }
                containment:
                  type: object
                  properties:
                    a_in_b: { type: number }
                    b_in_a: { type: number }
                coverage: { $ref: "#/components/schemas/Sides" }
                verbatim_coverage: { $ref: "#/components/schemas/Sides" }
                exact_share: { $ref: "#/components/schemas/Sides" }
                changed_words:
                  type: object
                  properties:
                    a: { type: integer }
                    b: { type: integer }
                sentence_similarity: { type: number }
                topic_similarity: { type: number }
                contained: { type: string, enum: [a, b], description: "For an excerpt, the contained side." }
                passages: { type: array, items: { $ref: "#/components/schemas/Passage" } }
            CompareRequest:
              type: object
              required: [a, b]
              properties:
                a: { type: string, description: "The first text (plain, Markdown or HTML)." }
                b: { type: string, description: "The second text." }
            DocumentRequest:
              type: object
              required: [text]
              properties:
                id: { type: string, description: "The document's id (a new UUID when absent)." }
                text: { type: string }
                format: { type: string, enum: [plain, markdown, html], description: "Detected from the text when absent." }
                url: { type: string }
                source: { type: string }
                published: { type: string, description: "ISO 8601 date or date-time." }
            Matches:
              type: object
              required: [id, matches]
              properties:
                id: { type: string, description: "The document's id." }
                matches:
                  type: array
                  description: The related stored documents; each pair has the stored document as `a` and this one as `b`.
                  items: { $ref: "#/components/schemas/Pair" }
            Document:
              type: object
              required: [id, format, chars, words]
              properties:
                id: { type: string }
                format: { type: string, enum: [plain, markdown, html] }
                chars: { type: integer, description: "Length of the original text in Unicode scalars." }
                words: { type: integer }
                url: { type: string }
                source: { type: string }
                published: { type: string, format: date-time }
            Cluster:
              type: object
              required: [kind, members]
              properties:
                kind: { type: string, enum: [reuse, story] }
                members: { type: array, items: { type: string } }
                canonical: { type: string }
        paths:
          /:
            get:
              summary: The web page (compare, match, clusters).
              responses:
                "200":
                  description: HTML.
                  content:
                    text/html: {}
          /healthz:
            get:
              summary: Liveness.
              responses:
                "200":
                  description: The service is up.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          status: { type: string, const: ok }
          /metrics:
            get:
              summary: Prometheus metrics (requests, latency histogram, documents indexed).
              responses:
                "200":
                  description: Prometheus text format.
                  content:
                    text/plain: {}
          /openapi.yaml:
            get:
              summary: This document.
              responses:
                "200":
                  description: OpenAPI 3.1 YAML.
                  content:
                    application/yaml: {}
          /v1/compare:
            post:
              summary: Compare two texts.
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/CompareRequest" }
              responses:
                "200":
                  description: The relation, scores and passages (ids `a` and `b`).
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Pair" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "413": { $ref: "#/components/responses/TooLarge" }
          /v1/match:
            post:
              summary: The stored documents related to a text, without storing it.
              requestBody: { $ref: "#/components/requestBodies/Document" }
              responses:
                "200":
                  description: The matches (the text's id is `query` unless given).
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Matches" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "413": { $ref: "#/components/responses/TooLarge" }
          /v1/documents:
            post:
              summary: Add a document to the index and return its matches.
              security:
                - apiKey: []
              requestBody: { $ref: "#/components/requestBodies/Document" }
              responses:
                "201":
                  description: Stored; its relations to the documents stored before it.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Matches" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "409":
                  description: A document with this id is already stored.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
                "413": { $ref: "#/components/responses/TooLarge" }
          /v1/documents/{id}:
            get:
              summary: A stored document's record (the index keeps features, not the text).
              parameters:
                - $ref: "#/components/parameters/DocumentID"
              responses:
                "200":
                  description: The document.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Document" }
                "404": { $ref: "#/components/responses/NotFound" }
            delete:
              summary: Remove a stored document.
              security:
                - apiKey: []
              parameters:
                - $ref: "#/components/parameters/DocumentID"
              responses:
                "204":
                  description: Removed.
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /v1/clusters:
            get:
              summary: The reuse or story clusters of the stored documents.
              parameters:
                - name: kind
                  in: query
                  required: false
                  description: Only clusters of this kind (both when absent).
                  schema: { type: string, enum: [reuse, story] }
              responses:
                "200":
                  description: The clusters.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [clusters]
                        properties:
                          clusters: { type: array, items: { $ref: "#/components/schemas/Cluster" } }
                "400": { $ref: "#/components/responses/BadRequest" }
        """#
}
