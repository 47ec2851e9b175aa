package securemlnetwork

import (
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// Cloud is the Azure cloud the network is deployed to.
type Cloud string

// The supported clouds.
const (
	CloudAzureCloud        Cloud = Cloud(privatelink.AzureCloud)
	CloudAzureUSGovernment Cloud = Cloud(privatelink.AzureUSGovernment)
	CloudAzureChinaCloud   Cloud = Cloud(privatelink.AzureChinaCloud)
)

// Values lists the clouds for the schema.
func (Cloud) Values() []infer.EnumValue[Cloud] {
	return []infer.EnumValue[Cloud]{
		{Name: "AzureCloud", Value: CloudAzureCloud, Description: "Azure public cloud."},
		{Name: "AzureUSGovernment", Value: CloudAzureUSGovernment, Description: "Azure Government (US)."},
		{Name: "AzureChinaCloud", Value: CloudAzureChinaCloud, Description: "Azure operated by 21Vianet (China)."},
	}
}

// OutboundInternet chooses whether compute may reach the Internet beyond the service tags Azure ML needs.
type OutboundInternet string

// The outbound modes.
const (
	OutboundInternetAllow OutboundInternet = "Allow"
	OutboundInternetDeny  OutboundInternet = "Deny"
)

// Values lists the outbound modes for the schema.
func (OutboundInternet) Values() []infer.EnumValue[OutboundInternet] {
	return []infer.EnumValue[OutboundInternet]{
		{Name: "Allow", Value: OutboundInternetAllow,
			Description: "Compute may reach the Internet (package installs work), like Azure ML's default managed-network mode."},
		{Name: "Deny", Value: OutboundInternetDeny,
			Description: "Compute reaches only the service tags Azure ML requires and the virtual network."},
	}
}

// StorageSubresource is a storage account sub-resource that can have a private endpoint.
type StorageSubresource string

// The storage sub-resources.
const (
	StorageSubresourceBlob  StorageSubresource = StorageSubresource(privatelink.GroupBlob)
	StorageSubresourceFile  StorageSubresource = StorageSubresource(privatelink.GroupFile)
	StorageSubresourceQueue StorageSubresource = StorageSubresource(privatelink.GroupQueue)
	StorageSubresourceTable StorageSubresource = StorageSubresource(privatelink.GroupTable)
	StorageSubresourceDfs   StorageSubresource = StorageSubresource(privatelink.GroupDfs)
)

// Values lists the storage sub-resources for the schema.
func (StorageSubresource) Values() []infer.EnumValue[StorageSubresource] {
	return []infer.EnumValue[StorageSubresource]{
		{Name: "blob", Value: StorageSubresourceBlob, Description: "Blob storage (needed by Azure ML)."},
		{Name: "file", Value: StorageSubresourceFile, Description: "Azure Files (needed by Azure ML)."},
		{Name: "queue", Value: StorageSubresourceQueue, Description: "Queues (batch endpoints, ParallelRunStep)."},
		{Name: "table", Value: StorageSubresourceTable, Description: "Tables (batch endpoints, ParallelRunStep)."},
		{Name: "dfs", Value: StorageSubresourceDfs, Description: "Data Lake Storage Gen2."},
	}
}

var (
	_ infer.Enum[Cloud]              = Cloud("")
	_ infer.Enum[OutboundInternet]   = OutboundInternet("")
	_ infer.Enum[StorageSubresource] = StorageSubresource("")
)
