READ_DOCUMENTS = "library.read_documents"
PUBLISH_DOCUMENTS = "library.publish_documents"
VIEW_SIGNATURES = "library.view_signatures"
