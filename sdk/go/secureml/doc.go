// A private, locked-down network for Azure Machine Learning workspaces.
package secureml
