/**
 * Reassembly of statements stored as 200-character chunks (stl_ddltext,
 * stl_utilitytext). When the text is FLE-protected each chunk is its own
 * ciphertext, so the chunks are also kept apart, in order, for decryption.
 */
export const statementChunks = `count(*) AS chunks,
       string_agg(text, '' ORDER BY sequence) AS statement_text,
       list(text ORDER BY sequence) AS text_chunks`;
